import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import type { CommunityRef } from '../../api/types';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { PersonPicker } from '../../components/PersonPicker';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import type { StringKey } from '../../i18n/zh-CN';
import { useSession } from '../../session';

interface Account {
  id: string; email: string; displayName: string; roles: string[]; communityIds: string[]; personId: string | null; disabled: boolean; lockedOut: boolean;
}

const roles: { role: string; label: StringKey; help: StringKey }[] = [
  { role: 'CommitteeStaff', label: 'accountRoleStaff', help: 'accountRoleStaffHelp' },
  { role: 'BuildingHead', label: 'accountRoleHead', help: 'accountRoleHeadHelp' },
  { role: 'Administrator', label: 'accountRoleAdministrator', help: 'accountRoleAdministratorHelp' },
];

/** The words for an account's roles. */
function rolesText(t: (key: StringKey) => string, list: string[]): string {
  return list.map((r) => { const known = roles.find((x) => x.role === r); return known ? t(known.label) : r; }).join('、');
}

/**
 * 账号 (administrators): every account with its roles, communities and state; a new account; changing one (roles,
 * communities, the roster person a building head is, disabling it); and setting a new password for someone who forgot
 * theirs or was locked out.
 */
export function AccountsSection() {
  const { t } = useI18n();
  const { me, community, reload: reloadMe } = useSession();
  const accounts = useLoad(() => request<Account[]>('/api/users'), []);
  const communities = useLoad(() => request<CommunityRef[]>('/api/communities'), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [created, setCreated] = useState(0);
  const [notice, setNotice] = useState('');
  const all = communities.data ?? [];
  const names = (ids: string[]) => ids.map((id) => all.find((c) => c.id === id)?.name ?? '').filter(Boolean).join('、');
  const changed = () => { accounts.reload(); void reloadMe(); };
  const current = accounts.data?.find((a) => a.id === editing);
  // The form to change an account is below the list: take the worker there.
  useEffect(() => { if (editing) document.getElementById('edit-account-name')?.focus(); }, [editing]);
  return (
    <>
      <section className="card" aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('adminAccounts')}</h2>
        {accounts.error ? <Message kind="error">{errorText(accounts.error, t('requestFailed'))}</Message> : null}
        <div className="table-scroll">
          <table className="table stack" data-testid="accounts">
            <thead><tr><th>{t('name')}</th><th>{t('email')}</th><th>{t('accountRoles')}</th><th>{t('community')}</th><th>{t('accountState')}</th><th><span className="sr-only">{t('change')}</span></th></tr></thead>
            <tbody>
              {(accounts.data ?? []).map((a) => (
                <tr key={a.id}>
                  <td data-label={t('name')}>{a.displayName}{a.id === me?.id ? <span className="badge">{t('accountYou')}</span> : null}</td>
                  <td data-label={t('email')}><span className="latin">{a.email}</span></td>
                  <td data-label={t('accountRoles')}>{rolesText(t, a.roles)}</td>
                  <td data-label={t('community')}>{a.roles.includes('Administrator') ? t('allCommunities') : names(a.communityIds)}</td>
                  <td data-label={t('accountState')}>{a.disabled ? t('accountDisabled') : a.lockedOut ? t('accountLockedOut') : t('accountActive')}</td>
                  <td><button type="button" className="link-button" onClick={() => { setNotice(''); setEditing(a.id); }} aria-label={t('changeAccountOf', { name: a.displayName })}>{t('change')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <Message kind="success">{notice}</Message>
      {current ? (
        <div className="row two" key={current.id}>
          <AccountForm account={current} communities={all} onSaved={(text) => { changed(); setNotice(text); setEditing(null); }} onCancel={() => setEditing(null)} />
          <PasswordForm account={current} onSaved={changed} />
        </div>
      ) : (
        <AccountForm key={`new-${created}`} communities={all} defaultCommunity={community?.id}
          onSaved={(text) => { changed(); setNotice(text); setCreated((n) => n + 1); }} />
      )}
    </>
  );
}

/** A new account, or the changes to one. */
function AccountForm({ account, communities, defaultCommunity, onSaved, onCancel }: {
  account?: Account; communities: CommunityRef[]; defaultCommunity?: string; onSaved: (notice: string) => void; onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(account?.displayName ?? '');
  const [email, setEmail] = useState(account?.email ?? '');
  const [password, setPassword] = useState('');
  const [chosenRoles, setChosenRoles] = useState<string[]>(account?.roles ?? ['CommitteeStaff']);
  const [chosenCommunities, setChosenCommunities] = useState<string[]>(account?.communityIds ?? (defaultCommunity ? [defaultCommunity] : []));
  const [person, setPerson] = useState({ id: account?.personId ?? '', name: '' });
  const [disabled, setDisabled] = useState(account?.disabled ?? false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const prefix = account ? 'edit-account' : 'new-account';
  const isHead = chosenRoles.includes('BuildingHead');
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problems: Record<string, string> = {};
    if (!name.trim()) problems[`${prefix}-name`] = t('required');
    if (!account && !email.trim()) problems[`${prefix}-email`] = t('required');
    if (!account && password.length < 10) problems[`${prefix}-password`] = t('passwordHelp');
    if (chosenRoles.length === 0) problems[`${prefix}-roles`] = t('chooseRole');
    if (!chosenRoles.includes('Administrator') && chosenCommunities.length === 0) problems[`${prefix}-communities`] = t('chooseCommunity');
    setErrors(problems);
    if (Object.keys(problems).length) {
      setMessage(t('formHasErrors'));
      document.getElementById(Object.keys(problems)[0]!)?.focus();
      return;
    }
    const body = { displayName: name, roles: chosenRoles, communityIds: chosenCommunities, personId: isHead && person.id ? person.id : null };
    try {
      if (account) await request(`/api/users/${account.id}`, { method: 'PUT', body: { ...body, disabled } });
      else await request('/api/users', { method: 'POST', body: { ...body, email, password } });
      onSaved(t(account ? 'accountSaved' : 'accountCreated', { name: name.trim() }));
    } catch (err) {
      setErrors(fieldErrorsOf(err, {
        displayName: `${prefix}-name`, email: `${prefix}-email`, password: `${prefix}-password`, roles: `${prefix}-roles`, communityIds: `${prefix}-communities`,
      }, `${prefix}-name`));
      setMessage(errorText(err, t('requestFailed')));
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${prefix}-title`} data-testid={prefix}>
      <h3 id={`${prefix}-title`}>{account ? t('changeAccountOf', { name: account.displayName }) : t('newAccount')}</h3>
      <Field id={`${prefix}-name`} label={`${t('displayName')} *`} error={errors[`${prefix}-name`]}>
        {(control) => <input {...control} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
      </Field>
      {account ? null : (
        <>
          <Field id={`${prefix}-email`} label={`${t('email')} *`} help={t('accountEmailHelp')} error={errors[`${prefix}-email`]}>
            {(control) => <input {...control} type="email" autoComplete="off" value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field id={`${prefix}-password`} label={`${t('initialPassword')} *`} help={t('passwordHelp')} error={errors[`${prefix}-password`]}>
            {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
        </>
      )}
      <fieldset id={`${prefix}-roles`} tabIndex={-1} aria-describedby={errors[`${prefix}-roles`] ? `${prefix}-roles-error` : undefined}>
        <legend>{t('accountRoles')} *</legend>
        {roles.map((r) => (
          <label className="check" key={r.role}>
            <input type="checkbox" checked={chosenRoles.includes(r.role)} onChange={(e) => setChosenRoles(toggle(chosenRoles, r.role, e.target.checked))} />
            <span>{t(r.label)}<span className="muted">{t('inParentheses', { text: t(r.help) })}</span></span>
          </label>
        ))}
        {errors[`${prefix}-roles`] ? <p className="field-error" id={`${prefix}-roles-error`}>{errors[`${prefix}-roles`]}</p> : null}
      </fieldset>
      <fieldset id={`${prefix}-communities`} tabIndex={-1} aria-describedby={errors[`${prefix}-communities`] ? `${prefix}-communities-error` : undefined}>
        <legend>{t('accountCommunities')}</legend>
        {communities.map((c) => (
          <label className="check" key={c.id}>
            <input type="checkbox" checked={chosenCommunities.includes(c.id)} onChange={(e) => setChosenCommunities(toggle(chosenCommunities, c.id, e.target.checked))} />
            {' '}{c.name}
          </label>
        ))}
        {errors[`${prefix}-communities`] ? <p className="field-error" id={`${prefix}-communities-error`}>{errors[`${prefix}-communities`]}</p> : null}
      </fieldset>
      {isHead && chosenCommunities[0] ? (
        <PersonPicker communityId={chosenCommunities[0]} idPrefix={prefix} label={t('headPerson')} value={person.id}
          onChange={(id, n) => setPerson({ id, name: n })} />
      ) : null}
      {isHead && account?.personId && !person.name && person.id === account.personId ? <p className="muted">{t('headPersonKept')}</p> : null}
      {account ? (
        <label className="check"><input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> {t('disableAccount')}</label>
      ) : null}
      <Message kind="error">{message}</Message>
      <div className="actions">
        <button type="submit">{account ? t('save') : t('createAccount')}</button>
        {onCancel ? <button type="button" className="link-button" onClick={onCancel}>{t('cancel')}</button> : null}
      </div>
    </form>
  );
}

/** A new password for the account (it also lifts a lockout); the administrator tells the person. */
function PasswordForm({ account, onSaved }: { account: Account; onSaved: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (password.length < 10) { setError(t('passwordHelp')); document.getElementById('reset-password')?.focus(); return; }
    try {
      await request(`/api/users/${account.id}/password`, { method: 'POST', body: { password } });
      setError('');
      setPassword('');
      setMessage({ kind: 'success', text: t('passwordReset', { name: account.displayName }) });
      onSaved();
    } catch (err) {
      setError(fieldErrorsOf(err, {}, 'reset-password')['reset-password'] ?? '');
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="reset-password-title">
      <h3 id="reset-password-title">{t('resetPassword')}</h3>
      <Field id="reset-password" label={t('newPassword')} help={t('resetPasswordHelp')} error={error}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
      <button type="submit">{t('resetPassword')}</button>
    </form>
  );
}
