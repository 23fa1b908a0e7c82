import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import type { Organisation, OrganisationKind } from '../../api/types';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { PersonPicker } from '../../components/PersonPicker';
import {
  addContact, blankOrganisation, changeContact, draftOf, markRepresentative, organisationFieldIds, removeContact, representativeOf, toRequest,
  type OrganisationDraft,
} from '../../forms/organisation';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import { partyKindLabel } from '../../partyKinds';

/**
 * 组织名录: the community's organisations — the four parties of a joint meeting (居委会, 网格党支部, 业委会, 物业公司),
 * partner units and social organisations — each with its contacts and the one who represents it.
 */
export function OrganisationsSection({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const list = useLoad(() => request<Organisation[]>(`/api/communities/${communityId}/organisations`), [communityId]);
  const kinds = useLoad(() => request<OrganisationKind[]>(`/api/communities/${communityId}/organisation-kinds`), [communityId]);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (list.error) return <Message kind="error">{errorText(list.error, t('requestFailed'))}</Message>;
  if (!list.data || !kinds.data) return <p className="loading">{t('loading')}</p>;

  const remove = async (organisation: Organisation) => {
    if (!window.confirm(t('orgDeleteConfirm', { name: organisation.name }))) return;
    try {
      await request(`/api/communities/${communityId}/organisations/${organisation.id}`, { method: 'DELETE' });
      if (editing?.id === organisation.id) setEditing(null);
      setMessage({ kind: 'success', text: t('orgDeleted') });
      list.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="org-list-title">
        <h2 id="org-list-title">{t('orgListTitle')}</h2>
        <p className="help">{t('orgListHelp')}</p>
        <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
        {list.data.length === 0 ? <p className="muted">{t('orgNone')}</p> : (
          <div className="table-scroll">
            <table className="table" data-testid="organisations">
              <thead>
                <tr><th>{t('orgName')}</th><th>{t('orgKind')}</th><th>{t('orgRepresentative')}</th><th>{t('orgContactInfo')}</th><th /></tr>
              </thead>
              <tbody>
                {list.data.map((o) => {
                  const representative = representativeOf(o);
                  return (
                    <tr key={o.id} data-testid={`organisation-${o.name}`}>
                      <td>{o.name}</td>
                      <td>{partyKindLabel(t, o.kind)}</td>
                      <td>{representative ? `${representative.name}${representative.role ? `（${representative.role}）` : ''}` : ''}</td>
                      <td>{[representative?.phone, representative?.email].filter(Boolean).join(' · ')}</td>
                      <td>
                        <button type="button" className="link-button" aria-label={`${t('edit')} ${o.name}`} onClick={() => { setMessage(null); setEditing(o); }}>{t('edit')}</button>{' '}
                        <button type="button" className="link-button" aria-label={`${t('remove')} ${o.name}`} onClick={() => void remove(o)}>{t('remove')}</button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <OrganisationForm
        key={editing?.id ?? 'new'} communityId={communityId} kinds={kinds.data} editing={editing}
        onSaved={() => { setEditing(null); setMessage({ kind: 'success', text: t('orgSaved') }); list.reload(); }}
        onCancel={() => setEditing(null)} />
    </>
  );
}

/** Adds an organisation or edits one, with its contacts; the server's field errors show at the fields. */
function OrganisationForm({ communityId, kinds, editing, onSaved, onCancel }: {
  communityId: string; kinds: OrganisationKind[]; editing: Organisation | null; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<OrganisationDraft>(() => (editing ? draftOf(editing) : blankOrganisation(kinds[0]?.kind ?? '')));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      const path = `/api/communities/${communityId}/organisations${editing ? `/${editing.id}` : ''}`;
      await request<Organisation>(path, { method: editing ? 'PUT' : 'POST', body: toRequest(draft) });
      setErrors({});
      if (!editing) setDraft(blankOrganisation(kinds[0]?.kind ?? ''));
      onSaved();
    } catch (err) {
      setErrors(fieldErrorsOf(err, organisationFieldIds(draft), 'org-form'));
      setFailure(errorText(err, t('requestFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="org-form-title" data-testid="organisation-form">
      <h3 id="org-form-title">{editing ? t('orgEditTitle', { name: editing.name }) : t('orgAdd')}</h3>
      <div className="row">
        <Field id="org-name" label={t('orgName')} error={errors['org-name']}>
          {(control) => <input {...control} value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
        </Field>
        <Field id="org-kind" label={t('orgKind')} error={errors['org-kind']}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              {kinds.map((k) => <option key={k.kind} value={k.kind}>{k.own ? k.name : partyKindLabel(t, k.kind)}</option>)}
            </select>
          )}
        </Field>
        <Field id="org-notes" label={t('orgNotes')} error={errors['org-notes']}>
          {(control) => <textarea {...control} rows={2} value={draft.notes} maxLength={1000} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />}
        </Field>
      </div>
      <fieldset aria-describedby="org-contacts-help">
        <legend>{t('orgContacts')}</legend>
        <p className="help" id="org-contacts-help">{t('orgContactsHelp')}</p>
        {errors['org-contacts'] ? <p className="field-error" id="org-contacts-error">{errors['org-contacts']}</p> : null}
        {draft.contacts.map((c, i) => (
          <div key={i} className="organisation-contact" role="group" aria-label={t('orgContactNumber', { n: i + 1 })} data-testid={`contact-${i}`}>
            <div className="row">
              <Field id={`org-contact-${i}-name`} label={t('orgContactName')} error={errors[`org-contact-${i}-name`]}>
                {(control) => <input {...control} value={c.name} maxLength={100} onChange={(e) => setDraft(changeContact(draft, i, { name: e.target.value }))} />}
              </Field>
              <Field id={`org-contact-${i}-role`} label={t('orgContactRole')} error={errors[`org-contact-${i}-role`]}>
                {(control) => <input {...control} value={c.role} maxLength={40} onChange={(e) => setDraft(changeContact(draft, i, { role: e.target.value }))} />}
              </Field>
              <Field id={`org-contact-${i}-phone`} label={t('orgContactPhone')} error={errors[`org-contact-${i}-phone`]}>
                {(control) => <input {...control} type="tel" value={c.phone} maxLength={40} onChange={(e) => setDraft(changeContact(draft, i, { phone: e.target.value }))} />}
              </Field>
              <Field id={`org-contact-${i}-email`} label={t('orgContactEmail')} error={errors[`org-contact-${i}-email`]}>
                {(control) => <input {...control} type="email" value={c.email} maxLength={254} onChange={(e) => setDraft(changeContact(draft, i, { email: e.target.value }))} />}
              </Field>
            </div>
            {c.personId ? (
              <p>
                {t('orgLinkedToRoster')}{' '}
                <button type="button" className="link-button" onClick={() => setDraft(changeContact(draft, i, { personId: null }))}>{t('orgUnlinkRoster')}</button>
                {errors[`org-contact-${i}-person`] ? <span className="field-error">{errors[`org-contact-${i}-person`]}</span> : null}
              </p>
            ) : (
              <div className="row">
                <PersonPicker communityId={communityId} idPrefix={`org-contact-${i}`} label={t('orgRosterPerson')} value="" error={errors[`org-contact-${i}-person`]}
                  onChange={(personId, name) => setDraft(changeContact(draft, i, { personId: personId || null, ...(c.name.trim() ? {} : { name }) }))} />
              </div>
            )}
            <label>
              <input type="radio" name="org-representative" checked={c.isRepresentative} onChange={() => setDraft(markRepresentative(draft, i))} />{' '}
              {t('orgIsRepresentative')}
            </label>{' '}
            <button type="button" className="link-button" onClick={() => setDraft(removeContact(draft, i))}>{t('remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => setDraft(addContact(draft))}>{t('orgAddContact')}</button>
      </fieldset>
      <Message kind="error">{failure || errors['org-form']}</Message>
      <button type="submit" className="primary" disabled={busy}>{t('save')}</button>{' '}
      {editing ? <button type="button" onClick={onCancel}>{t('cancel')}</button> : null}
    </form>
  );
}
