import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { PersonPicker } from '../components/PersonPicker';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { partyKindLabel } from '../partyKinds';

interface PartyKind { kind: string; name: string; own: boolean }

const advisorKinds = ['lawyer', 'accountant'];

/**
 * Adds an organisation's representative (a party: the property company, the residents' committee, a kind the community
 * added…) or a professional advisor (a lawyer, an accountant) to the case's panel: staff find the person on the roster by
 * name. Parties vote; advisors advise, and vote only when the case's rules let them.
 */
export function PanelForm({ communityId, caseId, onChanged }: { communityId: string; caseId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [role, setRole] = useState<'party' | 'advisor'>('party');
  const [kinds, setKinds] = useState<PartyKind[]>([]);
  const [kind, setKind] = useState('');
  const [person, setPerson] = useState({ id: '', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    request<PartyKind[]>(`/api/communities/${communityId}/party-kinds`).then((k) => { if (live) setKinds(k); }, () => { if (live) setKinds([]); });
    return () => { live = false; };
  }, [communityId]);

  const options = role === 'party' ? kinds.map((k) => ({ value: k.kind, label: k.own ? k.name : partyKindLabel(t, k.kind) }))
    : advisorKinds.map((k) => ({ value: k, label: partyKindLabel(t, k) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problems: Record<string, string> = {};
    if (!kind) problems['panel-kind'] = t('chooseKind');
    if (!person.id) problems['panel-person'] = t('choosePerson');
    setErrors(problems);
    if (Object.keys(problems).length) {
      setMessage({ kind: 'error', text: t('formHasErrors') });
      document.getElementById(Object.keys(problems)[0]!)?.focus();
      return;
    }
    try {
      await request(`/api/communities/${communityId}/cases/${caseId}/panel`, { method: 'POST', body: { personId: person.id, role, partyKind: kind } });
      setMessage({ kind: 'success', text: t('panelAdded', { name: person.name }) });
      setPerson({ id: '', name: '' });
      onChanged();
    } catch (err) {
      const refused = err instanceof ApiError ? err.problem.errors ?? {} : {};
      const ids: Record<string, string> = { personId: 'panel-person', partyKind: 'panel-kind', role: 'panel-kind', votes: 'panel-kind' };
      setErrors(Object.fromEntries(Object.entries(refused).map(([field, texts]) => [ids[field] ?? 'panel-person', texts.join(' ')])));
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <details className="sub-form" data-testid="panel-form">
      <summary>{t('addToPanel')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('panelRole')}</legend>
          <label className="check"><input type="radio" name="panel-role" checked={role === 'party'} onChange={() => { setRole('party'); setKind(''); }} /> {t('roleParty')}</label>
          <label className="check"><input type="radio" name="panel-role" checked={role === 'advisor'} onChange={() => { setRole('advisor'); setKind(''); }} /> {t('roleAdvisor')}</label>
        </fieldset>
        <div className="row">
          <Field id="panel-kind" label={`${t('partyKind')} *`} error={errors['panel-kind']}>
            {(control) => (
              <select {...control} value={kind} onChange={(e) => { setKind(e.target.value); setErrors((x) => ({ ...x, 'panel-kind': '' })); }}>
                <option value="">{t('choose')}</option>
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
          <PersonPicker communityId={communityId} idPrefix="panel" label={t('person')} value={person.id} error={errors['panel-person']} required
            onChange={(id, name) => { setPerson({ id, name }); setErrors((x) => ({ ...x, 'panel-person': '' })); }} />
        </div>
        <p className="help">{role === 'party' ? t('partiesVote') : t('advisorsAdvise')}</p>
        <button type="submit" className="primary">{t('joinPanel')}</button>
        {message ? <Message kind={message.kind} testId="panel-message">{message.text}</Message> : null}
      </form>
    </details>
  );
}

/** Records that a member drops out, with the reason; an elected representative's seat goes to the next in the count. */
export function DropOutButton({ communityId, memberId, name, onChanged }: { communityId: string; memberId: string; name: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) { setError(t('dropOutReasonRequired')); return; }
    if (!window.confirm(t('dropOutConfirm', { name }))) return;
    try {
      await request(`/api/communities/${communityId}/panel-members/${memberId}/drop-out`, { method: 'POST', body: { reason } });
      setOpen(false);
      onChanged();
    } catch (err) {
      setError(errorText(err, t('requestFailed')));
    }
  };
  if (!open) return <button type="button" className="link-button" onClick={() => setOpen(true)}>{t('dropOut')}</button>;
  const id = `drop-${memberId}`;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id={id} label={t('dropOutReason', { name })} error={error ?? undefined}>
        {(control) => <input {...control} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }} maxLength={1000} />}
      </Field>
      <button type="submit">{t('dropOut')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
    </form>
  );
}
