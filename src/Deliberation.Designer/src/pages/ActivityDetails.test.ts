import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../api/types';
import { activityRuns, answerPhotos } from './ActivityDetails';

let seq = 0;
const row = (kind: string, activityId: string, executionId: string, at: string, outcome: string | null = null): JournalRow =>
  ({ instanceId: 'i', seq: ++seq, at, kind, activityId, executionId, bookmarkId: null, outcome, detail: null });

describe('activityRuns', () => {
  it('keeps a run resumed after its wait as one, ended by its completion, and counts each run apart', () => {
    const journal = [
      row('ActivityStarted', 'wait', 'e1', '2026-12-01T01:00:00Z'),
      row('ActivitySuspended', 'wait', 'e1', '2026-12-01T01:00:00Z'),
      row('ActivityStarted', 'other', 'e2', '2026-12-01T02:00:00Z'),
      row('ActivityCompleted', 'wait', 'e1', '2026-12-02T01:00:00Z', 'Timeout'),
      row('ActivityStarted', 'wait', 'e3', '2026-12-02T01:00:01Z'),
      row('ActivitySuspended', 'wait', 'e3', '2026-12-02T01:00:01Z'),
    ];
    expect(activityRuns(journal, 'wait')).toEqual([
      { executionId: 'e1', startedAt: '2026-12-01T01:00:00Z', suspendedAt: '2026-12-01T01:00:00Z', endedAt: '2026-12-02T01:00:00Z', ending: 'completed', outcome: 'Timeout' },
      { executionId: 'e3', startedAt: '2026-12-02T01:00:01Z', suspendedAt: '2026-12-02T01:00:01Z', endedAt: null, ending: null, outcome: null },
    ]);
  });

  it('a fault ends a run until it is retried', () => {
    const journal = [
      row('ActivityStarted', 'send', 'e1', '2026-12-01T01:00:00Z'),
      row('ActivityFaulted', 'send', 'e1', '2026-12-01T01:00:01Z'),
    ];
    expect(activityRuns(journal, 'send')[0]!.ending).toBe('faulted');
    journal.push(row('IncidentRetried', 'send', 'e1', '2026-12-01T03:00:00Z'), row('ActivityCompleted', 'send', 'e1', '2026-12-01T03:00:00Z', 'Done'));
    expect(activityRuns(journal, 'send')[0]).toMatchObject({ ending: 'completed', endedAt: '2026-12-01T03:00:00Z' });
  });
});

describe('answerPhotos', () => {
  it('lists the answers that came with a photo, with the URL that fetches it', () => {
    const output = {
      answers: {
        'p-1': { percent: 60, done: false, photo: true, taskId: 't-1', answerId: 'a-1' },
        'p-2': { percent: 100, done: true, photo: false },
        'p-3': { choice: 'yes' },
      },
    };
    expect(answerPhotos(output, 'c-1')).toEqual([{ personId: 'p-1', percent: 60, url: '/api/communities/c-1/tasks/t-1/answers/a-1/photo' }]);
  });

  it('lists nothing for an output without answers or an instance without a community', () => {
    expect(answerPhotos({ count: 2 }, 'c-1')).toEqual([]);
    expect(answerPhotos(undefined, 'c-1')).toEqual([]);
    expect(answerPhotos({ answers: { 'p-1': { photo: true, taskId: 't', answerId: 'a' } } }, null)).toEqual([]);
  });
});
