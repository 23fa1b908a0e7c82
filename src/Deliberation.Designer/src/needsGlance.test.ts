import { describe, expect, it } from 'vitest';
import type { Need, NeedStatus } from './api/types';
import { needsGlance } from './needsGlance';

let next = 0;
function need(title: string, status: NeedStatus, extra: Partial<Need> = {}): Need {
  next++;
  return {
    id: `n${next}`, title, description: null, kind: 'urgent', kindName: '急需解决', source: 'request', complaintId: null, complaintTitle: null,
    requesterPersonId: null, requesterName: null, status, overdue: false, claimant: null, dueAt: null, percent: 0, progressNote: null,
    progressPhotoUrl: null, progressAt: null, instanceId: null, offered: 0, publishedAt: null, claimClosesAt: null, claimedAt: null, doneAt: null,
    confirmationAt: null, satisfied: null, confirmationComment: null, closedAt: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
    ...extra,
  };
}

describe('needsGlance', () => {
  it('counts what is outstanding by kind, picks out the overdue first by due date, and who claimed what', () => {
    const unit = { name: '物业公司', organisationId: 'o1', personId: 'p1' };
    const member = { name: '王党员', organisationId: null, personId: 'p2' };
    const needs = [
      need('修补围墙', 'open', { kind: 'long-term' }),
      need('楼道灯', 'claimed', { claimant: unit, dueAt: '2026-11-20T00:00:00Z', overdue: true }),
      need('清理杂物', 'claimed', { claimant: member, dueAt: '2026-12-01T00:00:00+08:00' }),
      need('修水管', 'published', { dueAt: '2026-11-10T00:00:00Z', overdue: true }),
      need('装扶手', 'done', {}),
      need('换门禁', 'confirmed', { satisfied: true }),
      need('补路灯', 'done', { satisfied: false }),
      need('旧需求', 'closed', {}),
    ];

    const glance = needsGlance(needs);

    expect([glance.outstanding, glance.urgent, glance.longTerm, glance.waitingForClaim, glance.awaitingConfirmation]).toEqual([4, 3, 1, 1, 1]);
    expect(glance.overdue.map((n) => n.title)).toEqual(['修水管', '楼道灯']);
    expect(glance.claimed.map((n) => [n.claimant?.name, n.title])).toEqual([['物业公司', '楼道灯'], ['王党员', '清理杂物']]);
  });

  it('puts claimed needs without a due date last', () => {
    const glance = needsGlance([need('乙', 'claimed'), need('甲', 'claimed', { dueAt: '2026-12-01T00:00:00Z' }), need('丙', 'claimed')]);

    expect(glance.claimed.map((n) => n.title)).toEqual(['甲', '丙', '乙']);
  });

  it('has nothing to show for an empty list', () => {
    expect(needsGlance([])).toEqual({ outstanding: 0, urgent: 0, longTerm: 0, waitingForClaim: 0, awaitingConfirmation: 0, overdue: [], claimed: [] });
  });
});
