import type { InstanceDetails, JournalRow, WorkflowDefinition } from './api/types';

/** The five steps of 烦事有计倾. */
export const stepNumbers = [1, 2, 3, 4, 5] as const;

/**
 * Which step an activity type belongs to. An activity may say so itself with metadata.step; types
 * not listed (Start aside, the flow-control and wait types) belong to the step of whatever ran before them.
 */
const typeSteps: Record<string, number> = {
  Start: 1,
  IdentifyStakeholders: 2,
  OpenElection: 2,
  CloseNominations: 2,
  RemindVoters: 2,
  CountVotes: 2,
  // Steps 3–5, as their activities are named where they exist.
  OpenTimePoll: 3,
  ScheduleMeeting: 3,
  SendMeetingReminder: 3,
  CheckQuorum: 3,
  EvaluateRound: 4,
  EscalateRounds: 4,
  FileMinutes: 4,
  ConfirmMinutes: 4,
  AssignActionItems: 5,
  RemindActionItem: 5,
  EscalateOverdueActionItem: 5,
  StartFollowUp: 5,
  CloseCase: 5,
};

export function activityStep(definition: WorkflowDefinition, activityId: string): number | undefined {
  const activity = definition.activities.find((a) => a.id === activityId);
  if (!activity) return undefined;
  const declared = (activity.metadata as { step?: unknown } | undefined)?.step;
  if (typeof declared === 'number' && declared >= 1 && declared <= 5) return declared;
  return typeSteps[activity.type];
}

/**
 * The step a deliberation is at: the step of the activities it waits on or failed at; when nothing
 * waits, the step of the last activity that ran. Neutral activities take the step in force when they started.
 */
export function currentStep(definition: WorkflowDefinition, journal: JournalRow[], details: Pick<InstanceDetails, 'waiting' | 'incidents'>): number {
  let inForce = 1;
  const stepAtStart = new Map<string, number>();
  for (const row of journal) {
    if (row.kind !== 'ActivityStarted' || !row.activityId) continue;
    inForce = activityStep(definition, row.activityId) ?? inForce;
    stepAtStart.set(row.activityId, inForce);
  }
  const pending = [...details.waiting.map((w) => w.activityId), ...details.incidents.map((i) => i.activityId)];
  if (pending.length === 0) return inForce;
  return Math.max(...pending.map((id) => activityStep(definition, id) ?? stepAtStart.get(id) ?? inForce));
}

/** The activities an instance passed through, in order, and the connections it took. */
export function pathTaken(definition: WorkflowDefinition, journal: JournalRow[]): { activities: Set<string>; connections: Set<string> } {
  const activities = new Set<string>();
  const connections = new Set<string>();
  const completedWith = new Map<string, string>();
  for (const row of journal) {
    if (!row.activityId) continue;
    if (row.kind === 'ActivityStarted') {
      for (const [source, port] of completedWith) {
        const c = definition.connections.find((x) => x.source === source && x.sourcePort === port && x.target === row.activityId);
        if (c) connections.add(connectionKey(c.source, c.sourcePort, c.target));
      }
      activities.add(row.activityId);
    }
    if (row.kind === 'ActivityCompleted' && row.outcome) completedWith.set(row.activityId, row.outcome);
  }
  return { activities, connections };
}

export function connectionKey(source: string, port: string, target: string): string {
  return `${source}:${port}->${target}`;
}

/** A stretch of time a deliberation spent in one step: from when it entered until it moved on (null: still there). */
export interface StepSpan { step: number; from: string; to: string | null }

/**
 * The deliberation's steps over time, from its journal: a new stretch starts each time an activity of another step
 * starts (a step entered twice — another round of the time poll, say — has two stretches). The last stretch ends when
 * the instance finished, or is still running.
 */
export function stepSpans(definition: WorkflowDefinition, journal: JournalRow[], finishedAt: string | null): StepSpan[] {
  const spans: StepSpan[] = [];
  let inForce: number | undefined;
  for (const row of journal) {
    if (row.kind !== 'ActivityStarted' || !row.activityId) continue;
    const step = activityStep(definition, row.activityId) ?? inForce ?? 1;
    if (step === inForce) continue;
    const last = spans[spans.length - 1];
    if (last) last.to = row.at;
    spans.push({ step, from: row.at, to: null });
    inForce = step;
  }
  const last = spans[spans.length - 1];
  if (last && finishedAt) last.to = finishedAt;
  return spans;
}
