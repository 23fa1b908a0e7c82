import { describe, expect, it } from 'vitest';
import type { JournalRow, WorkflowDefinition } from './api/types';
import { whereOf } from './pages/DashboardPage';
import { currentStep, pathTaken, stepSpans } from './steps';

const definition: WorkflowDefinition = {
  id: 'f',
  activities: [
    { id: 'start', type: 'Start' },
    { id: 'identify', type: 'IdentifyStakeholders' },
    { id: 'wait', type: 'WaitUntil' },
    { id: 'meet', type: 'WaitForSignal', metadata: { step: 3 } },
    { id: 'notice', type: 'Delay', label: '公示期' },
    { id: 'awaitPlan', type: 'WaitForSignal', inputs: { signal: { type: 'literal', value: 'meeting-planned' } }, metadata: { step: 3 } },
  ],
  connections: [
    { source: 'start', sourcePort: 'Done', target: 'identify' },
    { source: 'identify', sourcePort: 'Layered', target: 'wait' },
    { source: 'identify', sourcePort: 'Direct', target: 'meet' },
  ],
};

let seq = 0;
const row = (kind: string, activityId: string, outcome: string | null = null): JournalRow =>
  ({ instanceId: 'i', seq: ++seq, at: '', kind, activityId, executionId: null, bookmarkId: null, outcome, detail: null });

describe('steps', () => {
  it('is step 1 while only the start ran', () => {
    expect(currentStep(definition, [row('ActivityStarted', 'start')], { waiting: [], incidents: [] })).toBe(1);
  });

  it('a neutral wait belongs to the step in force when it started', () => {
    const journal = [row('ActivityStarted', 'start'), row('ActivityCompleted', 'start', 'Done'), row('ActivityStarted', 'identify'),
      row('ActivityCompleted', 'identify', 'Layered'), row('ActivityStarted', 'wait')];
    expect(currentStep(definition, journal, { waiting: [{ activityId: 'wait', executionId: 'e', bookmarks: [] }], incidents: [] })).toBe(2);
    expect([...pathTaken(definition, journal).connections]).toEqual(['start:Done->identify', 'identify:Layered->wait']);
  });

  it('an activity may declare its step in metadata', () => {
    const journal = [row('ActivityStarted', 'start'), row('ActivityStarted', 'identify'), row('ActivityStarted', 'meet')];
    expect(currentStep(definition, journal, { waiting: [{ activityId: 'meet', executionId: 'e', bookmarks: [] }], incidents: [] })).toBe(3);
  });

  it('a wait between the start and the stakeholders (the public-notice period) is step 1, and says until when', () => {
    const journal = [row('ActivityStarted', 'start'), row('ActivityCompleted', 'start', 'Done'), row('ActivityStarted', 'notice')];
    const details = {
      instance: { id: 'i' } as never, variables: {}, outputs: {}, incidents: [], queuedSignals: [],
      waiting: [{ activityId: 'notice', executionId: 'e', bookmarks: [{ id: 'b', tag: 'timer', signalName: null, dueAt: '2026-11-26T01:00:00Z' }] }],
    };
    expect(currentStep(definition, journal, details)).toBe(1);
    expect(whereOf(definition, journal, details)).toEqual({ kind: 'waiting', label: '公示期', until: '2026-11-26T01:00:00Z' });
    const signal = { ...details, waiting: [{ activityId: 'meet', executionId: 'e', bookmarks: [{ id: 'b', tag: 's', signalName: 'go', dueAt: null }] }] };
    expect(whereOf(definition, journal, signal)).toEqual({ kind: 'waiting', label: 'meet' });
  });

  it('waiting for the meeting plan is step 3, whatever ran before', () => {
    const journal = [row('ActivityStarted', 'start'), row('ActivityStarted', 'identify'), row('ActivityStarted', 'awaitPlan')];
    expect(currentStep(definition, journal, { waiting: [{ activityId: 'awaitPlan', executionId: 'e', bookmarks: [] }], incidents: [] })).toBe(3);
  });
});

describe('stepSpans', () => {
  const at = (day: number) => `2026-12-0${day}T02:00:00Z`;
  const started = (activityId: string, day: number): JournalRow => ({ ...row('ActivityStarted', activityId), at: at(day) });

  it('starts a stretch each time another step starts, and leaves the last one open while the case runs', () => {
    const journal = [started('start', 1), started('identify', 2), started('wait', 3), started('meet', 4), started('notice', 5)];
    expect(stepSpans(definition, journal, null)).toEqual([
      { step: 1, from: at(1), to: at(2) },
      { step: 2, from: at(2), to: at(4) },
      { step: 3, from: at(4), to: null },
    ]);
  });

  it('a step entered again has a second stretch; a finished case ends its last one', () => {
    const journal = [started('start', 1), started('meet', 2), started('identify', 3), started('awaitPlan', 4)];
    expect(stepSpans(definition, journal, at(6))).toEqual([
      { step: 1, from: at(1), to: at(2) },
      { step: 3, from: at(2), to: at(3) },
      { step: 2, from: at(3), to: at(4) },
      { step: 3, from: at(4), to: at(6) },
    ]);
  });
});
