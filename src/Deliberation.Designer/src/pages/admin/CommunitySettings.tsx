import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import { partyKindLabel } from '../../partyKinds';

interface CommunityDetail { id: string; name: string; escalationEmails: string | null; partyKinds: string }
interface PartyKind { kind: string; name: string; own: boolean }

/**
 * 上报与议事方: who is told when a matter is escalated (beside the community's staff, e.g. the street office), and the
 * kinds of party the community adds to the built-in ones (e.g. 共建单位) for its panels.
 */
export function CommunitySettings({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => request<CommunityDetail>(`/api/communities/${communityId}`), [communityId]);
  const kinds = useLoad(() => request<PartyKind[]>(`/api/communities/${communityId}/party-kinds`), [communityId]);
  if (loaded.error) return <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message>;
  if (!loaded.data || !kinds.data) return <p className="loading">{t('loading')}</p>;
  const builtIn = kinds.data.filter((k) => !k.own).map((k) => partyKindLabel(t, k.kind)).join('、');
  return (
    <div className="row two">
      <SettingForm key={`e-${communityId}`} id="escalation-emails" title={t('escalationContacts')} label={t('escalationEmailsLabel')} help={t('escalationContactsHelp')}
        initial={loaded.data.escalationEmails ?? ''} saved={t('escalationSaved')} field="escalationEmails"
        save={(value) => request(`/api/communities/${communityId}/escalation-contacts`, { method: 'PUT', body: { escalationEmails: value } })} />
      <SettingForm key={`k-${communityId}`} id="party-kinds" title={t('ownPartyKinds')} label={t('partyKindsLabel')} help={`${t('ownPartyKindsHelp')} ${t('builtInPartyKinds', { list: builtIn })}`}
        initial={loaded.data.partyKinds} saved={t('partyKindsSaved')} field="kinds" multiline
        save={(value) => request(`/api/communities/${communityId}/party-kinds`, { method: 'PUT', body: { kinds: value.split('\n').map((k) => k.trim()).filter(Boolean) } })} />
    </div>
  );
}

/** One setting of the community: a text (or a list, a line each) saved on its own. */
function SettingForm({ id, title, label, help, initial, saved, field, multiline, save }: {
  id: string; title: string; label: string; help: string; initial: string; saved: string; field: string; multiline?: boolean; save: (value: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => setValue(initial), [initial]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      await save(value);
      setError('');
      setMessage({ kind: 'success', text: saved });
    } catch (err) {
      setError(fieldErrorsOf(err, { [field]: id }, id)[id] ?? '');
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <Field id={id} label={label} help={help} error={error}>
        {(control) => multiline
          ? <textarea {...control} rows={5} value={value} onChange={(e) => setValue(e.target.value)} />
          : <input {...control} value={value} maxLength={1000} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
