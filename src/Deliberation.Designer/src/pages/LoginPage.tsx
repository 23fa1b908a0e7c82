import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';
import { errorText } from '../hooks';
import { Message } from '../components/Message';

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(email, password);
    } catch (err) {
      setError(errorText(err, t('requestFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('signInTitle')}</h1>
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <Message kind="error" testId="login-error">{error}</Message>
        <button type="submit" className="primary" disabled={busy}>{busy ? t('signingIn') : t('signIn')}</button>
      </form>
    </div>
  );
}
