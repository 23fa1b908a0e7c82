import { describe, expect, it } from 'vitest';
import type { Need } from '../api/types';
import { blankNeed, canEdit, draftOf, needQuery, toBeijingInput, toRequest } from './need';

const saved: Need = {
  id: 'n1', title: '3栋楼道灯不亮', description: null, kind: 'long-term', kindName: '长期解决', source: 'request', complaintId: null, complaintTitle: null,
  requesterPersonId: 'p1', requesterName: '张阿姨', status: 'claimed', overdue: false, claimant: { name: '城建公司', organisationId: 'o1', personId: 'p2' },
  dueAt: '2026-12-01T11:00:00Z', percent: 40, progressNote: null, progressPhotoUrl: null, progressAt: null, instanceId: null, offered: 2,
  publishedAt: null, claimClosesAt: null, claimedAt: null, doneAt: null, confirmationAt: null, satisfied: null, confirmationComment: null, closedAt: null,
  createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
};

describe('need form', () => {
  it('reads the due date in Beijing time and sends it back as the same moment', () => {
    const draft = draftOf(saved);
    expect(draft.dueAt).toBe('2026-12-01T19:00');
    expect(toRequest(draft).dueAt).toBe('2026-12-01T11:00:00.000Z');
    expect(toBeijingInput('2026-12-31T20:30:00Z')).toBe('2027-01-01T04:30');
  });

  it('sends blanks as null and an unreadable due date as typed, for the server to refuse at the field', () => {
    expect(toRequest({ ...blankNeed(), title: '修补围墙' })).toEqual({ title: '修补围墙', description: null, kind: 'urgent', requesterPersonId: null, dueAt: null });
    expect(toRequest({ ...blankNeed(), dueAt: 'next week' }).dueAt).toBe('next week');
  });

  it('builds the list query from the filters and leaves out the empty ones', () => {
    expect(needQuery('', '', false)).toBe('');
    expect(needQuery('claimed', 'urgent', true)).toBe('?status=claimed&kind=urgent&overdue=true');
  });

  it('allows changes until the need is confirmed or closed', () => {
    expect(canEdit(saved)).toBe(true);
    expect(canEdit({ ...saved, status: 'confirmed' })).toBe(false);
    expect(canEdit({ ...saved, status: 'closed' })).toBe(false);
  });
});
