import { Fragment } from 'react';
import type { ActivityDescriptor, JournalRow, WorkflowDefinition } from '../api/types';
import { beijingTime } from '../beijingTime';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { lasted } from './CaseProgressChart';
import { outcomeText } from './DeliberationPage';

/** One run of an activity, from the journal: when it started, when it stopped to wait, when it ended and how. */
export interface ActivityRun {
  executionId: string; startedAt: string; suspendedAt: string | null; endedAt: string | null;
  ending: 'completed' | 'faulted' | 'cancelled' | null; outcome: string | null;
}

/** The runs of one activity, in order. A run resumed after a wait keeps its start; its end is the last word on it. */
export function activityRuns(journal: JournalRow[], activityId: string): ActivityRun[] {
  const runs = new Map<string, ActivityRun>();
  for (const row of journal) {
    if (row.activityId !== activityId || !row.executionId) continue;
    let run = runs.get(row.executionId);
    if (!run) {
      run = { executionId: row.executionId, startedAt: row.at, suspendedAt: null, endedAt: null, ending: null, outcome: null };
      runs.set(row.executionId, run);
    }
    if (row.kind === 'ActivitySuspended' && !run.suspendedAt) run.suspendedAt = row.at;
    if (row.kind === 'ActivityCompleted') Object.assign(run, { endedAt: row.at, ending: 'completed', outcome: row.outcome });
    if (row.kind === 'ActivityFaulted') Object.assign(run, { endedAt: row.at, ending: 'faulted' });
    if (row.kind === 'ActivityCancelled') Object.assign(run, { endedAt: row.at, ending: 'cancelled' });
    if (row.kind === 'IncidentRetried') Object.assign(run, { endedAt: null, ending: null });
  }
  return [...runs.values()];
}

/** A value as staff read it: text as it is, anything else as indented JSON. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The photos sent with the answers of an ask (进展与照片): each person's latest report with one, by the task and answer that fetch it. */
export function answerPhotos(output: unknown, communityId: string | null | undefined): { personId: string; percent: number | null; url: string }[] {
  const answers = (output as { answers?: Record<string, { photo?: boolean; taskId?: string; answerId?: string; percent?: number }> } | null)?.answers;
  if (!communityId || !answers || typeof answers !== 'object') return [];
  return Object.entries(answers)
    .filter(([, a]) => a?.photo === true && a.taskId && a.answerId)
    .map(([personId, a]) => ({
      personId, percent: typeof a.percent === 'number' ? a.percent : null,
      url: `/api/communities/${communityId}/tasks/${a.taskId}/answers/${a.answerId}/photo`,
    }));
}

const endingKeys: Record<string, StringKey> = { completed: 'runCompleted', faulted: 'runFaulted', cancelled: 'runCancelled' };

/**
 * 活动详情 in the instance viewer: the chosen activity's runs with their times, the inputs it read when it last ran
 * (or, before it ran, the inputs as the workflow sets them) and its last output.
 */
export function ActivityDetails({ definition, descriptors, journal, inputs, outputs, activityId, onChoose, now = new Date(), communityId }: {
  definition: WorkflowDefinition; descriptors: ActivityDescriptor[]; journal: JournalRow[];
  inputs: Record<string, Record<string, unknown>>; outputs: Record<string, unknown>;
  activityId: string | undefined; onChoose: (id: string) => void; now?: Date; communityId?: string | null;
}) {
  const { t, pick, lang } = useI18n();
  const activity = definition.activities.find((a) => a.id === activityId);
  const descriptor = descriptors.find((d) => d.type === activity?.type);
  const runs = activity ? activityRuns(journal, activity.id) : [];
  const read = activity ? inputs[activity.id] : undefined;
  const output = activity ? outputs[activity.id] : undefined;
  const inputNames = descriptor?.inputs.map((i) => i.name) ?? Object.keys(activity?.inputs ?? {});
  const inputLabel = (name: string) => pick(descriptor?.inputs.find((i) => i.name === name)?.displayName) || name;

  return (
    <section className="card activity-details" aria-labelledby="activity-details-title" data-testid="activity-details">
      <h2 id="activity-details-title">{t('activityDetails')}</h2>
      <label className="field">
        <span>{t('chooseActivity')}</span>
        <select value={activity?.id ?? ''} onChange={(e) => onChoose(e.target.value)}>
          {definition.activities.map((a) => <option key={a.id} value={a.id}>{a.label || a.id}</option>)}
        </select>
      </label>
      <p className="muted">{t('chooseActivityHint')}</p>
      {activity ? (
        <>
          <h3>{activity.label || <code>{activity.id}</code>} <span className="muted">· {pick(descriptor?.displayName) || <code>{activity.type}</code>}</span></h3>
          <h4>{t('activityRuns')}</h4>
          {runs.length === 0 ? <p className="muted" data-testid="activity-not-run">{t('activityNotRun')}</p> : (
            <table className="table stack" data-testid="activity-runs">
              <thead><tr><th>{t('runStarted')}</th><th>{t('runEnded')}</th><th>{t('runResult')}</th><th>{t('runTook')}</th></tr></thead>
              <tbody>
                {runs.map((r) => {
                  const took = lasted((r.endedAt ? new Date(r.endedAt) : now).getTime() - new Date(r.startedAt).getTime());
                  const tookText = r.endedAt && new Date(r.endedAt).getTime() - new Date(r.startedAt).getTime() < 60_000 ? t('runInstant') : t(took.key, { n: took.n });
                  return (
                    <tr key={r.executionId}>
                      <td data-label={t('runStarted')}>{beijingTime(r.startedAt, lang, 'medium')}</td>
                      <td data-label={t('runEnded')}>{r.endedAt ? beijingTime(r.endedAt, lang, 'medium') : r.suspendedAt ? t('runWaiting') : t('runRunning')}</td>
                      <td data-label={t('runResult')}>{r.ending ? t(endingKeys[r.ending]!) : t('runWaiting')} {outcomeText(t, r.outcome)}</td>
                      <td data-label={t('runTook')}>{tookText}{r.endedAt ? '' : t('progressOngoing')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h4>{read ? t('activityInputsRead') : t('activityInputsSet')}</h4>
          {inputNames.length === 0 ? <p className="muted">{t('none')}</p> : (
            <dl className="facts activity-values" data-testid="activity-inputs">
              {inputNames.map((name) => {
                const value = read ? read[name] : activity.inputs?.[name]?.value;
                if (read && !(name in read)) return null;
                return (
                  <Fragment key={name}>
                    <dt>{inputLabel(name)}</dt>
                    <dd><pre className="value"><code>{shown(value)}</code></pre></dd>
                  </Fragment>
                );
              })}
            </dl>
          )}
          <h4>{t('activityOutput')}</h4>
          {output === undefined ? <p className="muted">{t('none')}</p> : <pre className="value" data-testid="activity-output"><code>{shown(output)}</code></pre>}
          {answerPhotos(output, communityId).length ? (
            <>
              <h4>{t('answerPhotos')}</h4>
              <ul data-testid="answer-photos">
                {answerPhotos(output, communityId).map((p) => (
                  <li key={p.personId}>
                    <a href={p.url} target="_blank" rel="noreferrer">{t('answerPhotoOf', { person: p.personId.slice(0, 8), percent: p.percent ?? '—' })}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
