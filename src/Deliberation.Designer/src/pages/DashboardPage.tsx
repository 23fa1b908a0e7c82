import { useState } from 'react';
import { request, requestOptional } from '../api/client';
import type { ActionItemsOverview, CaseView, Complaint, EscalationView, StaffNoticeView, IncidentRow, MeetingSummary, InstanceDetails, JournalRow, RankingResponse, VersionDocument, WorkflowDefinition } from '../api/types';
import { Link } from '../components/Link';
import { OptionalList } from '../components/OptionalList';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { incidentText } from '../incidents';
import { responseLine } from '../responses';
import type { StringKey } from '../i18n/zh-CN';
import { useSession } from '../session';
import { currentStep, stepNumbers } from '../steps';
import { RankingList } from './RankingList';
import { beijingTime } from '../beijingTime';
import { MonthOverviewCard } from './MonthOverviewCard';
import { NeedsCard } from './NeedsCard';
import { RatesCard } from './RatesCard';

export interface OpenDeliberation {
  complaint: Complaint; details: InstanceDetails; step: number;
  where: { kind: 'waiting' | 'ended' | 'incident'; label: string; until?: string } | null;
}

/**
 * Where an instance stands, in words: the activity it waits on or failed at, or the one it ended at. A wait on a
 * timer alone (e.g. the public-notice period) says until when.
 */
export function whereOf(definition: WorkflowDefinition, journal: JournalRow[], details: InstanceDetails): OpenDeliberation['where'] {
  const label = (id: string) => definition.activities.find((a) => a.id === id)?.label || id;
  const incident = details.incidents[0];
  if (incident) return { kind: 'incident', label: label(incident.activityId) };
  const waiting = details.waiting[0];
  if (waiting) {
    const dues = details.waiting.flatMap((w) => w.bookmarks.map((b) => b.dueAt));
    const until = dues.length > 0 && dues.every((d) => d !== null) ? [...(dues as string[])].sort()[0] : undefined;
    return { kind: 'waiting', label: details.waiting.map((w) => label(w.activityId)).join('、'), ...(until ? { until } : {}) };
  }
  const last = [...journal].reverse().find((r) => r.kind === 'ActivityStarted' && r.activityId);
  return last?.activityId ? { kind: 'ended', label: label(last.activityId) } : null;
}

const definitionCache = new Map<string, Promise<WorkflowDefinition>>();

/** A definition version, fetched once per page load. */
export function loadDefinition(id: string, version: number): Promise<WorkflowDefinition> {
  const key = `${id}@${version}`;
  let cached = definitionCache.get(key);
  if (!cached) {
    cached = request<VersionDocument>(`/api/workflows/${encodeURIComponent(id)}?version=${version}`).then((d) => d.definition);
    definitionCache.set(key, cached);
    cached.catch(() => definitionCache.delete(key));
  }
  return cached;
}

/** The community's anchored issues with their instances and the step each is at. */
export async function loadOpenDeliberations(communityId: string): Promise<OpenDeliberation[]> {
  const anchored = await request<Complaint[]>(`/api/communities/${communityId}/complaints?status=anchored`);
  const rows = await Promise.all(anchored.filter((c) => c.instanceId).map(async (complaint) => {
    const [details, journal] = await Promise.all([
      request<InstanceDetails>(`/api/instances/${complaint.instanceId}`),
      request<JournalRow[]>(`/api/instances/${complaint.instanceId}/journal`),
    ]);
    if (details.instance.status === 'Cancelled') return null;
    const definition = await loadDefinition(details.instance.definitionId, details.instance.definitionVersion);
    return { complaint, details, step: currentStep(definition, journal, details), where: whereOf(definition, journal, details) };
  }));
  return rows.filter((r): r is OpenDeliberation => r !== null);
}

/** Overdue action items across the community's cases; null when this host has no action items API. */
async function loadOverdue(communityId: string): Promise<{ caseNumber: string | null; title: string; due: string; party: string; id: string }[] | null> {
  const cases = await request<CaseView[]>(`/api/communities/${communityId}/cases`);
  const overviews = await Promise.all(cases.map((kase) =>
    requestOptional<ActionItemsOverview>(`/api/communities/${communityId}/cases/${kase.id}/action-items`).then((o) => ({ kase, o }))));
  if (overviews.some((x) => x.o === null)) return null;
  return overviews.flatMap(({ kase, o }) => o!.items.filter((x) => x.overdue).map((e) =>
    ({ id: e.id, caseNumber: kase.caseNumber, title: e.title, due: e.dueAt, party: e.responsibleParty })));
}

export function statusKey(status: string): StringKey {
  const keys: Record<string, StringKey> = {
    Running: 'statusRunning', Suspended: 'statusSuspended', Finished: 'statusFinished', Cancelled: 'statusCancelled', Faulted: 'statusFaulted',
  };
  return keys[status] ?? 'statusRunning';
}

export function DashboardPage() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const deliberations = useLoad(() => loadOpenDeliberations(communityId), [communityId]);
  const ranking = useLoad(() => request<RankingResponse>(`/api/communities/${communityId}/complaints/ranking`), [communityId]);
  const incidents = useLoad(() => request<IncidentRow[]>('/api/incidents'), []);
  const meetings = useLoad(() => requestOptional<MeetingSummary[]>(`/api/communities/${communityId}/meetings/upcoming`), [communityId]);
  const overdue = useLoad(() => loadOverdue(communityId), [communityId]);
  const escalations = useLoad(() => requestOptional<EscalationView[]>(`/api/communities/${communityId}/escalations`), [communityId]);
  const notices = useLoad(() => requestOptional<StaffNoticeView[]>(`/api/communities/${communityId}/notices`), [communityId]);
  // The escalation being marked handled (its button waits), and why the last attempt failed, if it did.
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [acknowledgeError, setAcknowledgeError] = useState<string | null>(null);
  const acknowledge = (id: string) => {
    setAcknowledging(id);
    setAcknowledgeError(null);
    request(`/api/communities/${communityId}/escalations/${id}/acknowledge`, { method: 'POST', body: {} })
      .catch((error: unknown) => setAcknowledgeError(errorText(error, t('requestFailed'))))
      .finally(() => { setAcknowledging(null); escalations.reload(); });
  };
  const when = (at: string | null) => (at ? beijingTime(at, lang) : '');
  const levelName = (level: string) =>
    level === 'grid' ? t('responseLevelGrid') : level === 'community' ? t('responseLevelCommunity') : level === 'street' ? t('responseLevelStreet') : level;
  // The open deliberations by step, once: the board's columns and the month overview's bars.
  const byStep = stepNumbers.map((n) => (deliberations.data ?? []).filter((d) => d.step === n));

  return (
    <>
      <h1>{t('dashboardTitle')}{community ? ` · ${community.name}` : ''}</h1>
      {notices.data && notices.data.length > 0 ? (
        <section aria-labelledby="notices-title" className="card notices" data-testid="staff-notices">
          <h2 id="notices-title">{t('staffNotices')} <span className="count">({notices.data.length})</span></h2>
          <ul className="plain">
            {notices.data.map((n) => (
              <li key={n.id} className="mini-card notice">
                <span className="notice-head">
                  <strong>{n.subject}</strong> <span className="muted">{when(n.createdAt)}</span>
                </span>
                <details>
                  <summary>{t('noticeDetails')}</summary>
                  <p className="notice-body">{n.body}</p>
                </details>
                <span className="notice-actions">
                  {n.instanceId ? <Link to={`/deliberations/${n.instanceId}`}>{t('noticeOpenCase')}</Link> : null}
                  <button type="button" onClick={() => void request(`/api/communities/${communityId}/notices/${n.id}/read`, { method: 'POST', body: {} })
                    .then(notices.reload, notices.reload)}>{t('noticeRead')}</button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MonthOverviewCard communityId={communityId} byStep={deliberations.data ? byStep.map((items) => items.length) : null} />
      <RatesCard communityId={communityId} />
      <NeedsCard communityId={communityId} />
      <section aria-labelledby="steps-title" className="card">
        <h2 id="steps-title">{t('openDeliberations')}</h2>
        {deliberations.error ? <Message kind="error">{errorText(deliberations.error, t('requestFailed'))}</Message> : null}
        {deliberations.loading && !deliberations.data ? <p>{t('loading')}</p> : null}
        <div className="step-board">
          {stepNumbers.map((n) => {
            const items = byStep[n - 1] ?? [];
            return (
              <section key={n} className="step-column" aria-labelledby={`step-col-${n}`} data-testid={`step-${n}`}>
                <h3 id={`step-col-${n}`}>{t('stepN', { n })} · {t(`step${n}` as StringKey)} <span className="count">({items.length})</span></h3>
                <ul className="plain">
                  {items.map((d) => (
                    <li key={d.complaint.id} className="mini-card">
                      <Link to={`/deliberations/${d.complaint.instanceId}`}>{d.complaint.caseNumber} {d.complaint.title}</Link>
                      <span className={`badge status-${d.details.instance.status}`}>{t(statusKey(d.details.instance.status))}</span>
                      {d.where ? <span className={`where where-${d.where.kind}`}>{d.where.kind === 'waiting'
                        ? (d.where.until ? t('waitingUntil', { label: d.where.label, at: beijingTime(d.where.until, lang, 'short') }) : t('waitingAt', { label: d.where.label }))
                        : d.where.kind === 'incident' ? t('incidentAt', { id: d.where.label, message: incidentText(d.details.incidents[0]!) })
                        : t('endedAt', { label: d.where.label })}</span> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
        {deliberations.data && deliberations.data.length === 0 ? <p className="muted">{t('noDeliberations')}</p> : null}
      </section>
      <div className="grid-2">
        <section aria-labelledby="ranking-title" className="card">
          <h2 id="ranking-title">{t('rankedIssues')}</h2>
          {ranking.error ? <Message kind="error">{errorText(ranking.error, t('requestFailed'))}</Message> : null}
          {ranking.data ? <RankingList items={ranking.data.items} /> : <p>{t('loading')}</p>}
        </section>
        <section aria-labelledby="incidents-title" className="card">
          <h2 id="incidents-title">{t('incidents')}</h2>
          {incidents.error ? <Message kind="error">{errorText(incidents.error, t('requestFailed'))}</Message> : null}
          {incidents.data && incidents.data.length === 0 ? <p className="muted">{t('noIncidents')}</p> : null}
          <ul className="plain">
            {(incidents.data ?? []).map((i) => (
              <li key={i.id} className="mini-card incident">
                <Link to={`/instances/${i.instanceId}`}>
                  {i.correlationId ? <><span className="latin">{i.correlationId}</span>{' · '}</> : null}
                  {t('incidentAt', { id: i.activityLabel || i.activityId, message: incidentText(i) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="grid-3">
        <section aria-labelledby="meetings-title" className="card" data-testid="slot-upcomingMeetings">
          <h2 id="meetings-title">{t('upcomingMeetings')}</h2>
          <OptionalList loaded={meetings} empty={t('none')} render={(m) => (
            <li key={m.id} className="mini-card">{m.name} · {m.place} · {when(m.startsAt)}</li>
          )} />
        </section>
        <section aria-labelledby="overdue-title" className="card" data-testid="slot-overdueActions">
          <h2 id="overdue-title">{t('overdueActions')}</h2>
          <OptionalList loaded={overdue} empty={t('none')} render={(a) => (
            <li key={a.id} className="mini-card incident">{a.caseNumber} · {a.title} · {a.party} · {when(a.due)}</li>
          )} />
        </section>
        <section aria-labelledby="escalations-title" className="card" data-testid="slot-escalations">
          <h2 id="escalations-title">{t('escalations')}</h2>
          {acknowledgeError ? <Message kind="error">{acknowledgeError}</Message> : null}
          <OptionalList loaded={escalations} empty={t('none')} render={(e) => (
            <li key={e.id} className="mini-card incident">
              <span>{e.subject}{e.raisedAt ? <span className="muted"> · {when(e.raisedAt)}</span> : null}
                {e.response ? <span className="muted" data-testid="escalation-response"> · {responseLine(t, e.response, levelName(e.response.level))}</span> : null}</span>
              <button type="button" disabled={acknowledging === e.id} onClick={() => acknowledge(e.id)}>{t('acknowledge')}</button>
            </li>
          )} />
        </section>
      </div>
    </>
  );
}
