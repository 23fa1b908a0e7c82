import { describe, expect, it } from 'vitest';
import type { CaseView, ElectionView, MeetingView } from './api/types';
import { caseTimeline } from './caseTimeline';
import { translate } from './i18n/I18n';

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh-CN', key, values);

describe('caseTimeline', () => {
  const kase = { id: 'c', communityId: 'x', complaintId: null, caseNumber: 'WC-1', title: '电梯', createdAt: '2026-12-01T02:00:00Z', groups: [{ id: 'g', name: '1栋', kind: 'building', mode: 'layered', householdCount: 6 }], closedAt: '2026-12-05T02:00:00Z' } as CaseView;
  const election = {
    id: 'e', groupId: 'g', entrance: '1单元', electsRepresentatives: false, layer: 1, seats: 1, status: 'counted', ballotsIssued: 3, ballotsCast: 3,
    nominationsCloseAt: '2026-12-02T02:00:00Z', ballotClosesAt: '2026-12-03T02:00:00Z',
    candidates: [{ id: 'a', name: '周大爷', votes: 3, rank: 1, elected: true }], ballots: [], nominationInvitations: [], tiedForLastSeat: [],
  } as ElectionView;
  const meeting = {
    meeting: { id: 'm', name: '协商会', place: '议事厅', status: 'closed', startsAt: '2026-12-04T02:00:00Z', closedAt: '2026-12-04T03:00:00Z', pollClosesAt: '2026-12-03T12:00:00Z' },
    participants: [{ personId: 'p', present: true }, { personId: 'q', present: false }],
    votes: [{ vote: { question: '是否维修', closedAt: '2026-12-04T02:30:00Z', passed: true }, tally: { yes: 2, no: 0 } }],
    minutes: [{ culture: 'zh-CN', filedAt: '2026-12-04T03:00:01Z' }],
  } as unknown as MeetingView;

  it('tells the case in plain words, oldest first, from its own records', () => {
    const events = caseTimeline(t, {
      startedAt: '2026-12-01T01:00:00Z', kase, elections: [{ election, title: '1栋1单元' }], meetings: [meeting],
      actionItems: [{ title: '更换主板', responsibleParty: '物业公司', doneAt: '2026-12-04T10:00:00Z' } as never], followUpAnswered: 2,
    }, new Date('2026-12-06T00:00:00Z'));
    expect(events.map((e) => e.text)).toEqual([
      '发起议事，问题进入公示',
      '确定利益相关方：1栋',
      '1栋1单元提名截止，共 1 名候选人',
      '1栋1单元计票：投票 3 / 3 人，周大爷当选',
      '召开会议“协商会”（议事厅），到会 1 人',
      '表决“是否维修”通过（赞成 2，反对 0）',
      '会议“协商会”纪要已归档并发送',
      '物业公司完成“更换主板”',
      '回访 2 人答复后结案并公示',
    ]);
  });

  it('leaves out what has not happened yet', () => {
    const open = { ...election, status: 'nominating', candidates: [] } as ElectionView;
    const events = caseTimeline(t, { startedAt: '2026-12-01T01:00:00Z', kase: { ...kase, closedAt: null }, elections: [{ election: open, title: '1栋1单元' }], meetings: [], actionItems: [], followUpAnswered: null },
      new Date('2026-12-01T03:00:00Z'));
    expect(events.map((e) => e.text)).toEqual(['发起议事，问题进入公示', '确定利益相关方：1栋']);
  });
});
