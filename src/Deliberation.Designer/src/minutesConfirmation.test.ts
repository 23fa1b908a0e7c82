import { describe, expect, it } from 'vitest';
import type { MinutesConfirmationView } from './api/types';
import { confirmationCounts } from './minutesConfirmation';

const view = (participants: MinutesConfirmationView['participants'], objections: MinutesConfirmationView['objections']): MinutesConfirmationView => ({
  draftId: 'd', meetingId: 'm', status: 'confirming', openedAt: '2026-12-01T01:00:00Z', closesAt: '2026-12-04T01:00:00Z', markdown: '',
  sections: [], participants, objections, revisions: [], sealed: null,
});
const person = (name: string, answer: 'confirmed' | 'objected' | null) => ({ personId: name, name, answer, answeredAt: null, channel: null });
const objection = (status: 'open' | 'answered') => ({
  id: status, personId: 'c', name: '丙三', sectionNumber: 5, section: '五、表决情况', reason: '理由', raisedAt: '2026-12-02T01:00:00Z',
  status, response: null, resolvedBy: null, resolvedAt: null,
});

describe('confirmationCounts', () => {
  it('counts each answer and the objections still open', () => {
    const counts = confirmationCounts(view([person('甲一', 'confirmed'), person('乙二', 'confirmed'), person('丙三', 'objected'), person('丁四', null)],
      [objection('open'), objection('answered')]));
    expect(counts).toEqual({ confirmed: 2, objected: 1, none: 1, open: 1 });
  });
});
