import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { beijingTime } from '../../beijingTime';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import { useSession } from '../../session';

interface Community { id: string; code: string; name: string; createdAt: string }

/** 社区 (administrators): every community and a new one; a new community becomes the one being worked on. */
export function CommunitiesSection() {
  const { t, lang } = useI18n();
  const { reload, setCommunity } = useSession();
  const communities = useLoad(() => request<Community[]>('/api/communities'), []);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problems: Record<string, string> = {};
    if (!name.trim()) problems['community-name'] = t('required');
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(code.trim().toLowerCase())) problems['community-code'] = t('communityCodeHelp');
    setErrors(problems);
    if (Object.keys(problems).length) { document.getElementById(Object.keys(problems)[0]!)?.focus(); return; }
    try {
      const created = await request<Community>('/api/communities', { method: 'POST', body: { code, name } });
      setMessage({ kind: 'success', text: t('communityCreated', { name: created.name }) });
      setCode('');
      setName('');
      communities.reload();
      await reload();
      setCommunity(created.id);
    } catch (err) {
      setErrors(fieldErrorsOf(err, { code: 'community-code', name: 'community-name' }, 'community-code'));
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="communities-title">
        <h2 id="communities-title">{t('adminCommunities')}</h2>
        {communities.error ? <Message kind="error">{errorText(communities.error, t('requestFailed'))}</Message> : null}
        {communities.data?.length === 0 ? <p>{t('noCommunities')}</p> : (
          <div className="table-scroll">
            <table className="table" data-testid="communities">
              <thead><tr><th>{t('communityName')}</th><th>{t('communityCode')}</th><th>{t('caseCreated')}</th></tr></thead>
              <tbody>
                {(communities.data ?? []).map((c) => (
                  <tr key={c.id}><td>{c.name}</td><td><span className="latin">{c.code}</span></td><td>{beijingTime(c.createdAt, lang, 'date')}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-community-title">
        <h3 id="new-community-title">{t('newCommunity')}</h3>
        <div className="row two">
          <Field id="community-name" label={`${t('communityName')} *`} help={t('communityNameHelp')} error={errors['community-name']}>
            {(control) => <input {...control} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field id="community-code" label={`${t('communityCode')} *`} help={t('communityCodeHelp')} error={errors['community-code']}>
            {(control) => <input {...control} value={code} maxLength={40} autoCapitalize="none" spellCheck={false} onChange={(e) => setCode(e.target.value)} />}
          </Field>
        </div>
        <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
        <button type="submit">{t('createCommunity')}</button>
      </form>
    </>
  );
}
