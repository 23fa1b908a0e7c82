import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import type { Need, NeedStatus } from '../../api/types';
import { beijingTime } from '../../beijingTime';
import { Field } from '../../components/Field';
import { Message } from '../../components/Message';
import { PersonPicker } from '../../components/PersonPicker';
import { blankNeed, canEdit, draftOf, needFieldIds, needQuery, needStatuses, toRequest, type NeedDraft } from '../../forms/need';
import { errorText, fieldErrorsOf, useLoad } from '../../hooks';
import { useI18n } from '../../i18n/I18n';
import type { StringKey } from '../../i18n/zh-CN';

const statusLabel: Record<NeedStatus, StringKey> = {
  open: 'needStatusOpen', published: 'needStatusPublished', claimed: 'needStatusClaimed', done: 'needStatusDone', confirmed: 'needStatusConfirmed', closed: 'needStatusClosed',
};

/**
 * 需求清单: the community's needs (急需解决 / 长期解决) with where each stands, who claimed it, its due date and whether it
 * is overdue; staff enter and change needs, publish one for claiming (the 三单 workflow), close it, and record the
 * follow-up (回访) they took themselves. The dashboard's link to the overdue needs opens it with only those shown.
 */
export function NeedsSection({ communityId, overdueOnly: overdueAtFirst = false }: { communityId: string; overdueOnly?: boolean }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState('');
  const [kind, setKind] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(overdueAtFirst);
  const list = useLoad(() => request<Need[]>(`/api/communities/${communityId}/needs${needQuery(status, kind, overdueOnly)}`), [communityId, status, kind, overdueOnly]);
  const [editing, setEditing] = useState<Need | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      setMessage({ kind: 'success', text: done });
      list.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  const api = `/api/communities/${communityId}/needs`;
  const publish = (need: Need) => act(() => request('/api/instances', {
    method: 'POST', body: { definitionId: 'sandan', input: { needId: need.id }, communityId },
  }), t('needPublished', { title: need.title }));
  const close = (need: Need) => {
    if (!window.confirm(t('needCloseConfirm', { title: need.title }))) return;
    void act(() => request(`${api}/${need.id}/close`, { method: 'POST' }), t('needClosed'));
  };
  const confirm = (need: Need, satisfied: boolean) => {
    const comment = window.prompt(t(satisfied ? 'needConfirmSatisfiedPrompt' : 'needConfirmNotSatisfiedPrompt'), '');
    if (comment === null) return;
    void act(() => request(`${api}/${need.id}/confirm`, { method: 'POST', body: { satisfied, comment: comment || null } }), t('needConfirmed'));
  };

  return (
    <>
      <section className="card" aria-labelledby="need-list-title">
        <h2 id="need-list-title">{t('needListTitle')}</h2>
        <p className="help">{t('needListHelp')}</p>
        <div className="row">
          <label>{t('needStatus')}{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="need-filter-status">
              <option value="">{t('needAll')}</option>
              {needStatuses.map((s) => <option key={s} value={s}>{t(statusLabel[s])}</option>)}
            </select>
          </label>
          <label>{t('needKind')}{' '}
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t('needAll')}</option>
              <option value="urgent">{t('needKindUrgent')}</option>
              <option value="long-term">{t('needKindLongTerm')}</option>
            </select>
          </label>
          <label><input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> {t('needOverdueOnly')}</label>
        </div>
        <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
        {list.error ? <Message kind="error">{errorText(list.error, t('requestFailed'))}</Message>
          : !list.data ? <p className="loading">{t('loading')}</p>
          : list.data.length === 0 ? <p className="muted">{t('needNone')}</p> : (
          <div className="table-scroll">
            <table className="table" data-testid="needs">
              <thead>
                <tr><th>{t('needTitle')}</th><th>{t('needStatus')}</th><th>{t('needClaimant')}</th><th>{t('needDue')}</th><th>{t('needProgress')}</th><th>{t('needRequester')}</th><th /></tr>
              </thead>
              <tbody>
                {list.data.map((n) => (
                  <tr key={n.id} data-testid={`need-${n.title}`}>
                    <td>{n.title}<span className="badge">{n.kind === 'long-term' ? t('needKindLongTerm') : t('needKindUrgent')}</span>
                      {n.complaintTitle ? <div className="muted">{t('needFromComplaint', { title: n.complaintTitle })}</div> : null}</td>
                    <td>{t(statusLabel[n.status])}
                      {n.satisfied === false ? <span className="badge unsaved">{t('needNotSatisfied')}</span> : null}
                      {n.status === 'published' && n.offered > 0 ? <div className="muted">{t('needOffered', { n: n.offered })}</div> : null}</td>
                    <td>{n.claimant?.name ?? ''}</td>
                    <td>{n.dueAt ? beijingTime(n.dueAt, lang, 'medium') : ''}{n.overdue ? <span className="badge unsaved" data-testid="overdue">{t('needOverdue')}</span> : null}</td>
                    <td>{n.status === 'claimed' || n.status === 'done' || n.status === 'confirmed' ? `${n.percent}%` : ''}
                      {n.progressNote ? <div className="muted">{n.progressNote}</div> : null}</td>
                    <td>{n.requesterName ?? ''}</td>
                    <td>
                      {canEdit(n) ? <button type="button" className="link-button" onClick={() => { setMessage(null); setEditing(n); }}>{t('edit')}</button> : null}{' '}
                      {n.status === 'open' ? <button type="button" className="link-button" onClick={() => void publish(n)}>{t('needPublish')}</button> : null}{' '}
                      {n.status === 'done' && n.satisfied === null ? (
                        <>
                          <button type="button" className="link-button" onClick={() => confirm(n, true)}>{t('needConfirmSatisfied')}</button>{' '}
                          <button type="button" className="link-button" onClick={() => confirm(n, false)}>{t('needConfirmNotSatisfied')}</button>{' '}
                        </>
                      ) : null}
                      {canEdit(n) ? <button type="button" className="link-button" onClick={() => close(n)}>{t('needClose')}</button> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NeedForm
        key={editing?.id ?? 'new'} communityId={communityId} editing={editing}
        onSaved={() => { setEditing(null); setMessage({ kind: 'success', text: t('needSaved') }); list.reload(); }}
        onCancel={() => setEditing(null)} />
    </>
  );
}

/** Enters a need or changes one; the server's field errors show at the fields. */
function NeedForm({ communityId, editing, onSaved, onCancel }: { communityId: string; editing: Need | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NeedDraft>(() => (editing ? draftOf(editing) : blankNeed()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      await request<Need>(`/api/communities/${communityId}/needs${editing ? `/${editing.id}` : ''}`, { method: editing ? 'PUT' : 'POST', body: toRequest(draft) });
      setErrors({});
      if (!editing) setDraft(blankNeed());
      onSaved();
    } catch (err) {
      setErrors(fieldErrorsOf(err, needFieldIds, 'need-form'));
      setFailure(errorText(err, t('requestFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="need-form-title" data-testid="need-form">
      <h3 id="need-form-title">{editing ? t('needEditTitle', { title: editing.title }) : t('needAdd')}</h3>
      <div className="row">
        <Field id="need-title" label={t('needTitle')} error={errors['need-title']}>
          {(control) => <input {...control} value={draft.title} maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}
        </Field>
        <Field id="need-kind" label={t('needKind')} error={errors['need-kind']}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="urgent">{t('needKindUrgent')}</option>
              <option value="long-term">{t('needKindLongTerm')}</option>
            </select>
          )}
        </Field>
        <Field id="need-due" label={t('needDue')} error={errors['need-due']}>
          {(control) => <input {...control} type="datetime-local" value={draft.dueAt} onChange={(e) => setDraft({ ...draft, dueAt: e.target.value })} />}
        </Field>
      </div>
      <Field id="need-description" label={t('needDescription')} error={errors['need-description']}>
        {(control) => <textarea {...control} rows={3} value={draft.description} maxLength={2000} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />}
      </Field>
      {draft.requesterPersonId ? (
        <p>
          {t('needRequester')}{t('colon')}{draft.requesterName || draft.requesterPersonId}{' '}
          <button type="button" className="link-button" onClick={() => setDraft({ ...draft, requesterPersonId: null, requesterName: '' })}>{t('remove')}</button>
          {errors['need-requester'] ? <span className="field-error">{errors['need-requester']}</span> : null}
        </p>
      ) : (
        <div className="row">
          <PersonPicker communityId={communityId} idPrefix="need-requester" label={t('needRequesterPick')} value="" error={errors['need-requester']}
            onChange={(personId, name) => setDraft({ ...draft, requesterPersonId: personId || null, requesterName: name })} />
        </div>
      )}
      <p className="help">{t('needRequesterHelp')}</p>
      <Message kind="error">{failure || errors['need-form']}</Message>
      <button type="submit" className="primary" disabled={busy}>{t('save')}</button>{' '}
      {editing ? <button type="button" onClick={onCancel}>{t('cancel')}</button> : null}
    </form>
  );
}
