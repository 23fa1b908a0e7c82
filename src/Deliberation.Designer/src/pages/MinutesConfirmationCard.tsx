import { useState } from 'react';
import { ApiError, request } from '../api/client';
import type { MinutesConfirmationView, MinutesObjection } from '../api/types';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { beijingTime } from '../beijingTime';
import { confirmationCounts } from '../minutesConfirmation';

const answerKeys: Record<string, StringKey> = { confirmed: 'minutesAnswerConfirmed', objected: 'minutesAnswerObjected' };
const objectionKeys: Record<string, StringKey> = {
  open: 'objectionOpen', accepted: 'objectionAccepted', answered: 'objectionAnswered', withdrawn: 'objectionWithdrawn',
};
const becauseKeys: Record<string, StringKey> = { 'window-ended': 'sealedWindowEnded', 'all-confirmed': 'sealedAllConfirmed', 'no-window': 'sealedNoWindow' };

/**
 * 纪要确认 of one meeting on the deliberation page: who confirmed, the objections with a way to answer each or accept it
 * by changing its section, every change made, and once sealed the PDF with its SHA-256 and the public verification page.
 */
export function MinutesConfirmationCard({ communityId, meetingId, meetingName }: { communityId: string; meetingId: string; meetingName: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(async () => {
    try {
      return await request<MinutesConfirmationView>(`/api/communities/${communityId}/meetings/${meetingId}/minutes-confirmation`);
    } catch (err) {
      // Before the minutes are filed there is nothing to confirm yet.
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }, [communityId, meetingId]);
  if (loaded.error) return <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message>;
  const view = loaded.data;
  if (!view) return null;
  const counts = confirmationCounts(view);
  const when = (at: string) => beijingTime(at, lang, 'medium');
  const base = `/api/communities/${communityId}/minutes-drafts/${view.draftId}`;
  const confirming = view.status === 'confirming';
  return (
    <section className="mini-card minutes-confirmation" data-testid="minutes-confirmation" aria-label={`${t('minutesConfirmation')} · ${meetingName}`}>
      <div className="meeting-head">
        <strong>{t('minutesConfirmation')} · {meetingName}</strong>
        <span className={`badge ${confirming ? 'status-Suspended' : 'status-Finished'}`} data-testid="minutes-confirmation-status">
          {confirming ? t('minutesConfirming') : t('minutesSealed')}
        </span>
        {confirming ? <span className="muted">{t('minutesConfirmUntil', { at: when(view.closesAt) })}</span> : null}
      </div>
      {view.participants.length > 0 ? (
        <>
          <p>{t('minutesCounts', { confirmed: counts.confirmed, objected: counts.objected, none: counts.none })}</p>
          <ul className="plain compact" data-testid="minutes-participants">
            {view.participants.map((p) => (
              <li key={p.personId}>
                {p.name}{t('colon')}{p.answer ? t(answerKeys[p.answer]!) : t('noAnswer')}
                {p.answeredAt ? <span className="muted"> · {when(p.answeredAt)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.objections.length > 0 ? (
        <>
          <h3>{t('minutesObjections')}</h3>
          <ul className="plain" data-testid="minutes-objections">
            {view.objections.map((o) => (
              <ObjectionItem key={o.id} objection={o} base={base} confirming={confirming}
                sectionBody={view.sections.find((s) => s.number === o.sectionNumber)?.body ?? ''} onChanged={loaded.replace} />
            ))}
          </ul>
        </>
      ) : null}
      {confirming && view.sections.length > 0 ? <SectionEditor view={view} base={base} onChanged={loaded.replace} /> : null}
      {view.revisions.length > 0 ? (
        <details data-testid="minutes-revisions">
          <summary>{t('minutesRevisions', { n: view.revisions.length })}</summary>
          <ol className="plain compact">
            {view.revisions.map((r) => (
              <li key={r.id}>
                <span>{r.section} · {r.by} · {when(r.at)}</span>
                <div className="grid-2">
                  <div><span className="muted">{t('revisionBefore')}</span><pre className="minutes-preview">{r.before}</pre></div>
                  <div><span className="muted">{t('revisionAfter')}</span><pre className="minutes-preview">{r.after}</pre></div>
                </div>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {view.sealed ? (
        <div data-testid="minutes-sealed">
          <p>{t('minutesSealedOn', { at: when(view.sealed.sealedAt) })}{t(becauseKeys[view.sealed.sealedBecause] ?? 'sealedWindowEnded')}</p>
          <p className="sha" title={view.sealed.pdfSha256}>SHA-256 {view.sealed.pdfSha256}</p>
          <p className="toolbar">
            <a href={`${base}/pdf`} download className="button-link">{t('downloadPdf')}</a>
            <a href={view.sealed.verificationUrl} target="_blank" rel="noreferrer">{t('verificationPage')}</a>
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** One objection: the section, who and why; while open, staff answer it or accept it by changing the section. */
function ObjectionItem({ objection: o, base, confirming, sectionBody, onChanged }: {
  objection: MinutesObjection; base: string; confirming: boolean; sectionBody: string; onChanged: (view: MinutesConfirmationView) => void;
}) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<'answer' | 'accept' | null>(null);
  const [response, setResponse] = useState('');
  const [text, setText] = useState(sectionBody);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const view = mode === 'accept'
        ? await request<MinutesConfirmationView>(`${base}/objections/${o.id}/accept`, { method: 'POST', body: { text, response: response || null } })
        : await request<MinutesConfirmationView>(`${base}/objections/${o.id}/answer`, { method: 'POST', body: { response } });
      setError(null);
      setMode(null);
      onChanged(view);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const id = `objection-${o.id}`;
  return (
    <li className={`mini-card${o.status === 'open' ? ' incident' : ''}`} data-testid="minutes-objection">
      <span><strong>{o.section}</strong> · {o.name} · {beijingTime(o.raisedAt, lang, 'medium')}</span>
      <span className="badge">{t(objectionKeys[o.status] ?? 'objectionOpen')}</span>
      <p className="comment">{t('objectionReason')}{t('colon')}{o.reason}</p>
      {o.response ? <p className="comment">{t('objectionResponse')}{t('colon')}{o.response}{o.resolvedBy ? ` —— ${o.resolvedBy}` : ''}</p> : null}
      {confirming && o.status === 'open' ? (
        <div className="toolbar">
          <button type="button" aria-pressed={mode === 'answer'} onClick={() => setMode(mode === 'answer' ? null : 'answer')}>{t('answerObjection')}</button>
          <button type="button" aria-pressed={mode === 'accept'} onClick={() => setMode(mode === 'accept' ? null : 'accept')}>{t('acceptObjection')}</button>
        </div>
      ) : null}
      {mode ? (
        <form onSubmit={(e) => { e.preventDefault(); void send(); }}>
          {mode === 'accept' ? (
            <>
              <label htmlFor={`${id}-text`}>{t('sectionText', { section: o.section })}</label>
              <textarea id={`${id}-text`} rows={6} value={text} onChange={(e) => setText(e.target.value)} required />
            </>
          ) : null}
          <label htmlFor={`${id}-response`}>{mode === 'accept' ? t('acceptNote') : t('objectionResponse')}</label>
          <textarea id={`${id}-response`} rows={3} value={response} onChange={(e) => setResponse(e.target.value)} required={mode === 'answer'} />
          <button type="submit" disabled={busy}>{mode === 'accept' ? t('saveSectionAndAccept') : t('sendAnswer')}</button>
          {error ? <Message kind="error">{errorText(error, t('requestFailed'))}</Message> : null}
        </form>
      ) : null}
    </li>
  );
}

/** Changes a section on staff's own account (a slip they noticed); the change is recorded like an accepted objection. */
function SectionEditor({ view, base, onChanged }: { view: MinutesConfirmationView; base: string; onChanged: (view: MinutesConfirmationView) => void }) {
  const { t } = useI18n();
  const [number, setNumber] = useState(view.sections[0]!.number);
  const [text, setText] = useState(view.sections[0]!.body);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const choose = (value: number) => {
    setNumber(value);
    setText(view.sections.find((s) => s.number === value)?.body ?? '');
    setSaved(false);
  };
  const save = async () => {
    try {
      onChanged(await request<MinutesConfirmationView>(`${base}/sections/${number}`, { method: 'PUT', body: { text } }));
      setError(null);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details data-testid="minutes-section-editor">
      <summary>{t('editMinutesSection')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label htmlFor="minutes-section">{t('minutesSection')}</label>
        <select id="minutes-section" value={number} onChange={(e) => choose(Number(e.target.value))}>
          {view.sections.map((s) => <option key={s.number} value={s.number}>{s.heading}</option>)}
        </select>
        <label htmlFor="minutes-section-text">{t('sectionText', { section: view.sections.find((s) => s.number === number)?.heading ?? '' })}</label>
        <textarea id="minutes-section-text" rows={8} value={text} onChange={(e) => { setText(e.target.value); setSaved(false); }} required />
        <button type="submit">{t('saveSection')}</button>
        {saved ? <Message kind="success">{t('sectionSaved')}</Message> : null}
        {error ? <Message kind="error">{errorText(error, t('requestFailed'))}</Message> : null}
      </form>
    </details>
  );
}
