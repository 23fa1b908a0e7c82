import type { ReactNode } from 'react';
import { partyKindLabel } from '../partyKinds';
import { ActionItemForm, fundingLabel } from './ActionItemForm';
import { ElectionCard } from './ElectionCard';
import { DropOutButton, PanelForm } from './PanelForm';
import { PanelFromOrganisation } from './PanelFromOrganisation';
import { request, requestOptional } from '../api/client';
import type { ActionItemsOverview, Complaint, MeetingSummary, MeetingView, RulesDocument, RulesTemplate, CaseView, ElectionView, GroupView, InstanceDetails, JournalRow, PanelView } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { zhCN, type StringKey } from '../i18n/zh-CN';
import { currentStep, stepNumbers, stepSpans } from '../steps';
import { CaseProgressChart } from './CaseProgressChart';
import { loadDefinition, statusKey } from './DashboardPage';
import { MeetingsPanel, MinutesList } from './MeetingsPanel';
import { MinutesConfirmationCard } from './MinutesConfirmationCard';
import { beijingTime } from '../beijingTime';
import { caseTimeline } from '../caseTimeline';
import { useSession } from '../session';
import { channelKey } from '../channels';

export interface FollowUpView {
  asked: number; satisfied: number; fairlySatisfied: number; dissatisfied: number; noAnswer: number; closesAt: string | null;
  answers: { name: string; groupId: string | null; choice: string | null; comment: string | null; channel: string | null }[];
}
interface Stakeholders { kase: CaseView; groups: GroupView[]; elections: ElectionView[]; panel: PanelView; meetings: MeetingSummary[] | null; meetingViews: MeetingView[]; templates: RulesTemplate[]; rules: RulesDocument | null; actions: ActionItemsOverview | null; followUp: FollowUpView | null }

async function loadDeliberation(instanceId: string) {
  const first = await request<InstanceDetails>(`/api/instances/${instanceId}`);
  const definition = await loadDefinition(first.instance.definitionId, first.instance.definitionVersion);
  let stakeholders: Stakeholders | null = null;
  const { communityId, correlationId } = first.instance;
  if (communityId && correlationId) {
    const cases = await request<CaseView[]>(`/api/communities/${communityId}/cases?caseNumber=${encodeURIComponent(correlationId)}`);
    const kase = cases[0];
    if (kase) {
      const groups = await Promise.all(kase.groups.map((g) => request<GroupView>(`/api/communities/${communityId}/groups/${g.id}`)));
      const elections = await Promise.all(groups.flatMap((g) => g.elections).map((e) => request<ElectionView>(`/api/communities/${communityId}/elections/${e.id}`)));
      const panel = await request<PanelView>(`/api/communities/${communityId}/cases/${kase.id}/panel`);
      // Steps 3–5 come from other work: shown when this host has them.
      const meetings = await requestOptional<MeetingSummary[]>(`/api/communities/${communityId}/cases/${kase.id}/meetings`);
      const actions = await requestOptional<ActionItemsOverview>(`/api/communities/${communityId}/cases/${kase.id}/action-items`);
      const followUp = await requestOptional<FollowUpView>(`/api/communities/${communityId}/cases/${kase.id}/follow-up`);
      const base = `/api/communities/${communityId}`;
      const [meetingViews, templates, rules] = await Promise.all([
        Promise.all((meetings ?? []).map((m) => request<MeetingView>(`${base}/meetings/${m.id}`))),
        meetings ? request<RulesTemplate[]>('/api/rules-templates') : Promise.resolve([]),
        meetings ? request<RulesDocument>(`${base}/cases/${kase.id}/rules`) : Promise.resolve(null),
      ]);
      stakeholders = { kase, groups, elections, panel, meetings, meetingViews, templates, rules, actions, followUp };
    }
  }
  // Before the stakeholders are identified (step 1, the public notice) there is no case yet: the anchored complaint names it.
  let title = stakeholders?.kase.title ?? '';
  if (!stakeholders && communityId) {
    const anchored = await request<Complaint[]>(`/api/communities/${communityId}/complaints?status=anchored`);
    title = anchored.find((c) => c.instanceId === instanceId)?.title ?? '';
  }
  // The instance and its journal are read last: a step that commits while the page loads (minutes filed, say) is then
  // in the journal and the current step whenever the rest of the page shows its results.
  const [details, journal] = await Promise.all([
    request<InstanceDetails>(`/api/instances/${instanceId}`),
    request<JournalRow[]>(`/api/instances/${instanceId}/journal`),
  ]);
  return { details, journal, definition, step: currentStep(definition, journal, details), stakeholders, title };
}

const modeKeys: Record<string, StringKey> = { direct: 'modeDirect', 'single-layer': 'modeSingleLayer', layered: 'modeLayered' };

/** What an election elects for: its group, and the entrance (单元) when a large building elects by entrance; the group's representatives in layer 2. */
function electionFor(e: ElectionView, groups: GroupView[], t: (key: StringKey, values?: Record<string, string | number>) => string): string {
  const group = groups.find((g) => g.id === e.groupId)?.name ?? '';
  if (e.entrance != null) return `${group}${e.entrance || t('noEntrance')}`;
  return e.electsRepresentatives ? t('electsRepresentativesOf', { group }) : group;
}
const roleKeys: Record<string, StringKey> = { representative: 'roleRepresentative', party: 'roleParty', advisor: 'roleAdvisor' };

/** The journal kind in the page's language; an unknown kind as it is. */
export function kindText(t: (key: StringKey) => string, kind: string): string {
  const key = `kind${kind}`;
  return key in zhCN ? t(key as StringKey) : kind;
}

/**
 * An outcome port in the page's language. The activities' fixed ports (Direct, Met, ...) have texts; "Done" says
 * nothing the event does not, so it is left out; the ports a workflow names itself (a Fork's branches, a Switch's
 * cases) are identifiers of that workflow and show as code.
 */
export function outcomeText(t: (key: StringKey) => string, port: string | null): ReactNode {
  if (!port || port === 'Done') return '';
  const key = `outcome${port}`;
  return key in zhCN ? t(key as StringKey) : <code>{port}</code>;
}

/** How many journal rows the page shows before "show all". */
const recentRows = 15;

export function DeliberationPage({ instanceId }: { instanceId: string }) {
  const { t, lang } = useI18n();
  const { isAdministrator } = useSession();
  const loaded = useLoad(() => loadDeliberation(instanceId), [instanceId]);
  if (loaded.error) return <><h1>{t('deliberationTitle')}</h1><Message kind="error" testId="page-error">{errorText(loaded.error, t('requestFailed'))}</Message></>;
  if (!loaded.data) return <p>{t('loading')}</p>;
  const { details, journal, definition, stakeholders, title } = loaded.data;
  // A finished deliberation has done every step: none is current any more.
  const finished = details.instance.status === 'Finished';
  const step = finished ? 6 : loaded.data.step;
  const labels = new Map(definition.activities.map((a) => [a.id, a.label ?? a.id]));

  return (
    <>
      <h1>{t('deliberationTitle')} · {details.instance.correlationId ?? ''} {title}</h1>
      <p>
        <span className={`badge status-${details.instance.status}`}>{t(statusKey(details.instance.status))}</span>{' '}
        {stakeholders?.kase.closedAt
          ? <><span className="badge status-Finished" data-testid="case-closed">{t('caseClosedOn', { at: beijingTime(stakeholders.kase.closedAt, lang, 'date') })}</span>{' '}</>
          : null}
        <Link to={`/instances/${instanceId}`}>{t('viewInstance')}</Link>
      </p>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {stepNumbers.map((n) => (
            <li key={n} className={n < step ? 'done' : n === step ? 'current' : 'future'} aria-current={n === step ? 'step' : undefined}>
              <span className="step-number">{n}</span>
              <span>{t(`step${n}` as StringKey)}</span>
              <span className="muted">{n < step ? t('done') : n === step ? t('current') : ''}</span>
            </li>
          ))}
        </ol>
        <CaseProgressChart spans={stepSpans(definition, journal, details.instance.endedAt)} />
      </section>
      <section className="card" aria-labelledby="story-title">
        <h2 id="story-title">{t('caseStory')}</h2>
        <ol className="plain compact story" data-testid="case-story">
          {caseTimeline(t, {
            startedAt: details.instance.createdAt,
            kase: stakeholders?.kase ?? null,
            elections: (stakeholders?.elections ?? []).map((e) => ({ election: e, title: electionFor(e, stakeholders!.groups, t) })),
            meetings: stakeholders?.meetingViews ?? [],
            actionItems: stakeholders?.actions?.items ?? [],
            followUpAnswered: stakeholders?.followUp?.asked ? stakeholders.followUp.asked - stakeholders.followUp.noAnswer : null,
          }).map((e, i) => <li key={i}><time dateTime={e.at} className="muted">{beijingTime(e.at, lang, 'medium')}</time> {e.text}</li>)}
        </ol>
      </section>
      <section className="card" aria-labelledby="stakeholders-title">
        <h2 id="stakeholders-title">{t('stakeholders')}</h2>
        {!stakeholders ? <p className="muted">{t('stakeholdersPending')}</p> : (
          <>
            <h3>{t('groups')}</h3>
            {stakeholders.groups.length === 0
              ? <p className="muted">{t(stakeholders.kase.stakeholderMode === 'parties' ? 'partiesOnly' : 'stakeholdersPending')}</p> : null}
            <ul className="plain">
              {stakeholders.groups.map((g) => (
                <li key={g.id} className="mini-card">{g.name} · {t('mode')}{t('colon')}{t(modeKeys[g.mode] ?? 'modeDirect')} · {t('householdCount', { n: g.householdCount })}</li>
              ))}
            </ul>
            <h3>{t('elections')}</h3>
            {stakeholders.elections.length === 0 ? <p className="muted">{t('none')}</p> : stakeholders.elections.map((e) => (
              <ElectionCard key={e.id} communityId={details.instance.communityId ?? ''} election={e} title={electionFor(e, stakeholders.groups, t)} onChanged={loaded.reload} />
            ))}
            <h3>{t('panel')}</h3>
            {stakeholders.panel.members.length === 0 ? <p className="muted">{t('none')}</p> : (
              <ul className="plain" data-testid="panel">
                {stakeholders.panel.members.map((m) => (
                  <li key={m.id} className="mini-card">
                    {m.name} · {roleKeys[m.role] ? t(roleKeys[m.role]!) : m.role}
                    {m.partyKind ? `（${m.organisationName ? `${m.organisationName}，` : ''}${partyKindLabel(t, m.partyKind)}）` : ''}
                    {m.groupId ? `（${stakeholders.groups.find((g) => g.id === m.groupId)?.name ?? ''}）` : ''}
                    {' '}{details.instance.communityId && !stakeholders.kase.closedAt
                      ? <DropOutButton communityId={details.instance.communityId} memberId={m.id} name={m.name} onChanged={loaded.reload} /> : null}
                  </li>
                ))}
              </ul>
            )}
            {details.instance.communityId && !stakeholders.kase.closedAt
              ? (
                <>
                  <PanelFromOrganisation communityId={details.instance.communityId} caseId={stakeholders.kase.id} onChanged={loaded.reload} />
                  <PanelForm communityId={details.instance.communityId} caseId={stakeholders.kase.id} onChanged={loaded.reload} />
                </>
              ) : null}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="meeting-title">
        <h2 id="meeting-title">{t('meeting')}</h2>
        {stakeholders?.meetings && details.instance.communityId ? (
          <MeetingsPanel communityId={details.instance.communityId} caseId={stakeholders.kase.id} meetings={stakeholders.meetingViews}
            templates={stakeholders.templates} rules={stakeholders.rules} onChanged={loaded.reload} />
        ) : <p className="muted">{t('notStarted')}</p>}
      </section>
      <div className="grid-2">
        <section className="card" aria-labelledby="minutes-title">
          <h2 id="minutes-title">{t('minutes')}</h2>
          {stakeholders && details.instance.communityId
            ? (
              <>
                <MinutesList communityId={details.instance.communityId} meetings={stakeholders.meetingViews} />
                {stakeholders.meetingViews.filter((m) => m.minutes.length > 0).map((m) => (
                  <MinutesConfirmationCard key={m.meeting.id} communityId={details.instance.communityId!} meetingId={m.meeting.id} meetingName={m.meeting.name} />
                ))}
              </>
            )
            : <p className="muted">{t('notStarted')}</p>}
        </section>
        <section className="card" aria-labelledby="actionItems-title">
          <h2 id="actionItems-title">{t('actionItems')}</h2>
          {stakeholders?.actions?.items.length ? (
            <>
              <p>{t('actionOverall', { done: stakeholders.actions.overall.done, items: stakeholders.actions.overall.items, overdue: stakeholders.actions.overall.overdue })}</p>
              <ul className="plain" data-testid="action-items">
                {stakeholders.actions.items.map((e) => (
                  <li key={e.id} className={`mini-card${e.overdue ? ' incident' : ''}`}>
                    <span>{e.title} · {e.responsibleParty}{e.overdue ? ` · ${t('overdue')}` : ''}</span>
                    {e.budget != null ? (
                      <span className="muted">
                        {t('budgetIs', { budget: e.budget.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) })}
                        {e.funding?.length ? `（${e.funding.map((f) => `${fundingLabel(t, f.source, f.name)}${f.detail ? `（${f.detail}）` : ''} ${f.amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`).join('、')}）` : ''}
                      </span>
                    ) : null}
                    <span className="progress-line">
                      <progress max={100} value={e.percent} aria-label={`${e.title} ${e.percent}%`}>{e.percent}%</progress>
                      <span>{e.percent}%</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : <p className="muted">{t('notStarted')}</p>}
          {stakeholders?.followUp?.asked ? <FollowUpSection followUp={stakeholders.followUp} groups={stakeholders.groups} /> : null}
          {stakeholders && details.instance.communityId && !stakeholders.kase.closedAt ? (
            <ActionItemForm communityId={details.instance.communityId} caseId={stakeholders.kase.id} meetings={stakeholders.meetingViews} onChanged={loaded.reload} />
          ) : null}
        </section>
      </div>
      {/* The workflow's journal is technical: administrators read it to investigate. */}
      {isAdministrator ? <JournalSection journal={journal} labels={labels} /> : null}
    </>
  );
}

const satisfactionKeys: Record<string, StringKey> = { satisfied: 'satisfied', 'fairly-satisfied': 'fairlySatisfied', dissatisfied: 'dissatisfied' };

/** The follow-up (回访): the counts, then each person asked with their answer and comment. */
export function FollowUpSection({ followUp: f, groups }: { followUp: FollowUpView; groups: GroupView[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="follow-up">
      <h3>{t('followUp')}</h3>
      <p>{t('followUpCounts', { asked: f.asked, satisfied: f.satisfied, fairly: f.fairlySatisfied, dissatisfied: f.dissatisfied, none: f.noAnswer })}</p>
      <ul className="plain compact">
        {f.answers.map((a, i) => (
          <li key={i}>
            {a.name}{a.groupId ? `（${groups.find((g) => g.id === a.groupId)?.name ?? ''}）` : ''}{t('colon')}
            {a.choice ? t(satisfactionKeys[a.choice] ?? 'noAnswer') : t('noAnswer')}
            {a.comment ? ` · ${a.comment}` : ''}
            {channelKey(a.channel) ? <span className="muted">（{t(channelKey(a.channel)!)}）</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The journal, newest rows last; a long one shows its latest rows until staff ask for all of them. */
function JournalSection({ journal, labels }: { journal: JournalRow[]; labels: Map<string, string> }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const rows = all ? journal : journal.slice(-recentRows);
  return (
    <section className="card" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journalForAdministrators')}</h2>
      {journal.length > recentRows ? (
        <p className="muted" data-testid="journal-count">
          {all ? t('journalAll', { n: journal.length }) : t('journalRecent', { shown: rows.length, n: journal.length })}{' '}
          <button type="button" onClick={() => setAll(!all)}>{all ? t('journalShowRecent') : t('journalShowAll')}</button>
        </p>
      ) : null}
      <table className="table">
        <thead><tr><th scope="col">#</th><th scope="col">{t('event')}</th><th scope="col">{t('label')}</th><th scope="col">{t('outcome')}</th><th scope="col">{t('time')}</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td>{row.seq}</td><td>{kindText(t, row.kind)}</td><td>{row.activityId ? labels.get(row.activityId) ?? row.activityId : ''}</td>
              <td>{outcomeText(t, row.outcome)}</td><td>{beijingTime(row.at, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
