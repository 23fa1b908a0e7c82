import { useState } from 'react';
import { request } from '../api/client';
import type { IncidentRow, InstancePage, VersionSummary } from '../api/types';
import { incidentText } from '../incidents';
import { signalKey } from '../signals';
import { beijingTime } from '../beijingTime';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { useSession } from '../session';
import { statusKey } from './DashboardPage';

interface OutboxEntry {
  id: string; instanceId: string | null; kind: string; subject: string; createdAt: string; attempts: number; nextAttemptAt: string;
  sentAt: string | null; failedAt: string | null; lastError: string | null;
}
interface TimerEntry { bookmarkId: string; instanceId: string; definitionId: string; correlationId: string | null; dueAt: string }
interface SignalEntry { id: string; name: string; correlation: string | null; instanceId: string; definitionId: string; correlationId: string | null; queuedAt: string }

const instanceStatuses = ['Running', 'Suspended', 'Faulted', 'Finished', 'Cancelled'];
const outboxStatuses: { value: string; label: StringKey }[] = [
  { value: 'failed', label: 'outboxFailed' }, { value: 'pending', label: 'outboxPending' }, { value: 'sent', label: 'outboxSent' },
];
const pageSize = 20;

/**
 * 运行监控 (administrators): what the host is doing for the community — its workflow instances by workflow and state,
 * the timers due next (reminders, deadlines), and the emails waiting, sent or failed with the reason and a resend.
 * The timers and the outbox live in our own tables, so this is where they can be seen.
 */
export function OperationsPage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('operationsTitle')}</h1>
      <Instances />
      <div className="grid-2">
        <Timers />
        <Signals />
      </div>
      <div className="grid-2">
        <Incidents />
        <Outbox />
      </div>
    </>
  );
}

function Instances() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const [definitionId, setDefinitionId] = useState('');
  const [status, setStatus] = useState('');
  const [skip, setSkip] = useState(0);
  const workflows = useLoad(() => request<VersionSummary[]>('/api/workflows'), []);
  const query = `communityId=${community?.id ?? ''}&definitionId=${encodeURIComponent(definitionId)}&status=${status}&skip=${skip}&take=${pageSize}`;
  const page = useLoad(() => request<InstancePage>(`/api/instances?${query}`), [query]);
  const name = (id: string) => workflows.data?.find((w) => w.definitionId === id)?.displayName || id;
  return (
    <section className="card" aria-labelledby="ops-instances">
      <h2 id="ops-instances">{t('operationsInstances')}</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="ops-definition">{t('chooseWorkflow')}</label>
          <select id="ops-definition" value={definitionId} onChange={(e) => { setDefinitionId(e.target.value); setSkip(0); }}>
            <option value="">{t('allWorkflows')}</option>
            {(workflows.data ?? []).map((w) => <option key={w.definitionId} value={w.definitionId}>{name(w.definitionId)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ops-status">{t('caseStatus')}</label>
          <select id="ops-status" value={status} onChange={(e) => { setStatus(e.target.value); setSkip(0); }}>
            <option value="">{t('caseAll')}</option>
            {instanceStatuses.map((s) => <option key={s} value={s}>{t(statusKey(s))}</option>)}
          </select>
        </div>
      </div>
      {page.error ? <Message kind="error">{errorText(page.error, t('requestFailed'))}</Message> : null}
      {page.data ? (
        <>
          <p className="muted" data-testid="ops-instance-count">{t('instanceCount', { n: page.data.total })}</p>
          <div className="table-scroll">
            <table className="table stack" data-testid="ops-instances">
              <thead><tr><th>{t('caseNumber')}</th><th>{t('workflowColumn')}</th><th>{t('caseStatus')}</th><th>{t('startedAt')}</th><th>{t('lastChanged')}</th></tr></thead>
              <tbody>
                {page.data.items.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t('caseNumber')}><Link to={`/instances/${i.id}`}>{i.correlationId ?? i.id.slice(0, 8)}</Link></td>
                    <td data-label={t('workflowColumn')}>{name(i.definitionId)}</td>
                    <td data-label={t('caseStatus')}><span className={`badge status-${i.status}`}>{t(statusKey(i.status))}</span></td>
                    <td data-label={t('startedAt')}>{beijingTime(i.createdAt, lang, 'medium')}</td>
                    <td data-label={t('lastChanged')}>{beijingTime(i.updatedAt, lang, 'medium')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" disabled={skip === 0} onClick={() => setSkip(Math.max(0, skip - pageSize))}>{t('previousPage')}</button>
            <span>{t('pageOf', { n: Math.floor(skip / pageSize) + 1, m: Math.max(1, Math.ceil(page.data.total / pageSize)) })}</span>
            <button type="button" disabled={skip + pageSize >= page.data.total} onClick={() => setSkip(skip + pageSize)}>{t('nextPage')}</button>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Timers() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const timers = useLoad(() => request<TimerEntry[]>(`/api/timers?take=50&communityId=${community?.id ?? ''}`), [community?.id]);
  return (
    <section className="card" aria-labelledby="ops-timers">
      <h2 id="ops-timers">{t('operationsTimers')}</h2>
      {timers.error ? <Message kind="error">{errorText(timers.error, t('requestFailed'))}</Message> : null}
      {timers.data?.length === 0 ? <p className="muted">{t('none')}</p> : (
        <ul className="plain compact" data-testid="ops-timers">
          {(timers.data ?? []).map((x) => (
            <li key={x.bookmarkId}>{beijingTime(x.dueAt, lang, 'medium')} · <Link to={`/instances/${x.instanceId}`}>{x.correlationId ?? x.instanceId.slice(0, 8)}</Link></li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The signals staff actions sent that their workflow has not taken yet. */
function Signals() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const signals = useLoad(() => request<SignalEntry[]>(`/api/signals/pending?take=50&communityId=${community?.id ?? ''}`), [community?.id]);
  return (
    <section className="card" aria-labelledby="ops-signals">
      <h2 id="ops-signals">{t('operationsSignals')}</h2>
      <p className="muted">{t('operationsSignalsHint')}</p>
      {signals.error ? <Message kind="error">{errorText(signals.error, t('requestFailed'))}</Message> : null}
      {signals.data?.length === 0 ? <p className="muted">{t('none')}</p> : (
        <ul className="plain compact" data-testid="ops-signals">
          {(signals.data ?? []).map((s) => (
            <li key={s.id}>
              {beijingTime(s.queuedAt, lang, 'medium')} · {signalKey(s.name) ? t(signalKey(s.name)!) : <code>{s.name}</code>} ·{' '}
              <Link to={`/instances/${s.instanceId}`}>{s.correlationId ?? s.instanceId.slice(0, 8)}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The open incidents in the page's language, each retried from here once its cause is mended. */
function Incidents() {
  const { t, lang } = useI18n();
  const incidents = useLoad(() => request<IncidentRow[]>('/api/incidents'), []);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const retry = async (i: IncidentRow) => {
    setMessage(null);
    try {
      await request(`/api/instances/${i.instanceId}/incidents/${i.id}/retry`, { method: 'POST' });
      setMessage({ kind: 'success', text: t('retried') });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
    incidents.reload();
  };
  return (
    <section className="card" aria-labelledby="ops-incidents">
      <h2 id="ops-incidents">{t('operationsIncidents')}</h2>
      {incidents.error ? <Message kind="error">{errorText(incidents.error, t('requestFailed'))}</Message> : null}
      {message ? <Message kind={message.kind} testId="ops-incident-message">{message.text}</Message> : null}
      {incidents.data?.length === 0 ? <p className="muted">{t('noIncidents')}</p> : (
        <ul className="plain" data-testid="ops-incidents">
          {(incidents.data ?? []).map((i) => (
            <li key={i.id} className="mini-card incident">
              <span>
                <span className="muted">{beijingTime(i.createdAt, lang, 'medium')}</span>{' '}
                <Link to={`/instances/${i.instanceId}`}>{t('incidentAt', { id: i.activityId, message: incidentText(i) })}</Link>
              </span>
              <button type="button" onClick={() => void retry(i)}>{t('retryIncident')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Outbox() {
  const { t, lang } = useI18n();
  const { isAdministrator } = useSession();
  const [status, setStatus] = useState('failed');
  const rows = useLoad(() => request<OutboxEntry[]>(`/api/outbox?status=${status}&take=50`), [status]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const resend = async (row: OutboxEntry) => {
    try {
      await request(`/api/outbox/${row.id}/resend`, { method: 'POST', body: {} });
      setMessage({ kind: 'success', text: t('resent', { subject: row.subject || t('message') }) });
      rows.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <section className="card" aria-labelledby="ops-outbox">
      <h2 id="ops-outbox">{t('operationsOutbox')}</h2>
      <div className="field">
        <label htmlFor="ops-outbox-status">{t('caseStatus')}</label>
        <select id="ops-outbox-status" value={status} onChange={(e) => { setStatus(e.target.value); setMessage(null); }}>
          {outboxStatuses.map((s) => <option key={s.value} value={s.value}>{t(s.label)}</option>)}
        </select>
      </div>
      <Message kind={message?.kind ?? 'info'}>{message?.text}</Message>
      {rows.error ? <Message kind="error">{errorText(rows.error, t('requestFailed'))}</Message> : null}
      {rows.data?.length === 0 ? <p className="muted">{t('none')}</p> : (
        <ul className="plain" data-testid="ops-outbox">
          {(rows.data ?? []).map((o) => (
            <li key={o.id} className={`mini-card${o.failedAt ? ' incident' : ''}`}>
              <span>{o.subject || t('message')}</span>
              <span className="muted">
                {beijingTime(o.createdAt, lang, 'medium')} · {t('attempts', { n: o.attempts })}
                {o.sentAt ? ` · ${t('sentAt', { at: beijingTime(o.sentAt, lang, 'medium') })}` : ''}
                {!o.sentAt && !o.failedAt ? ` · ${t('nextAttempt', { at: beijingTime(o.nextAttemptAt, lang, 'medium') })}` : ''}
              </span>
              {o.lastError ? <span className="latin">{t('lastError')}{t('colon')}{o.lastError}</span> : null}
              {o.failedAt && isAdministrator ? <button type="button" onClick={() => void resend(o)}>{t('resend')}</button> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
