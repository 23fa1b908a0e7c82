import { describe, expect, it } from 'vitest';
import { checkPlan, type PlanText } from './meetingPlan';

const now = new Date('2026-11-23T08:00:00+08:00');
const plan = (slots: PlanText['slots'], more: Partial<PlanText> = {}): PlanText =>
  ({ name: '2栋门禁协商会', place: '西苑活动室', chair: '', recorder: '', agenda: '门禁更换方案\n\n表决\n', slots, ...more });

describe('checkPlan', () => {
  it('builds the request of a valid plan: trimmed texts, agenda lines, slots in UTC', () => {
    const { request, problems } = checkPlan(plan([
      { start: '2026-11-30T19:00', end: '2026-11-30T21:00' }, { start: '2026-12-01T19:00', end: '2026-12-01T21:00' }, { start: '', end: '' },
    ], { chair: ' 李主任 ' }), now);
    expect(problems).toEqual({});
    expect(request).toEqual({
      name: '2栋门禁协商会', place: '西苑活动室', chair: '李主任', recorder: null, agenda: ['门禁更换方案', '表决'],
      slots: [
        // Typed as Beijing time, whatever the computer's time zone: 19:00 in Beijing is 11:00 UTC.
        { start: '2026-11-30T11:00:00.000Z', end: '2026-11-30T13:00:00.000Z' },
        { start: '2026-12-01T11:00:00.000Z', end: '2026-12-01T13:00:00.000Z' },
      ],
    });
  });

  it('puts each problem at its field', () => {
    const { request, problems } = checkPlan(plan([
      { start: '2026-11-30T19:00', end: '2026-11-30T18:00' },
      { start: '2026-11-20T19:00', end: '2026-11-20T20:00' },
      { start: '2026-12-02T19:00', end: '' },
      { start: '', end: '2026-12-03T19:00' },
      { start: '2026-12-04T08:00', end: '2026-12-04T21:00' },
    ], { name: ' ', place: '' }), now);
    expect(request).toBeNull();
    expect(problems).toEqual({
      'plan-name': 'required', 'plan-place': 'required',
      'slot-0-end': 'slotEndBeforeStart', 'slot-1-start': 'slotInPast', 'slot-2-end': 'slotEndMissing',
      'slot-3-start': 'slotStartMissing', 'slot-4-end': 'slotTooLong',
    });
  });

  it('asks for two to five complete slots, no two starting together', () => {
    expect(checkPlan(plan([{ start: '2026-11-30T19:00', end: '2026-11-30T21:00' }, { start: '', end: '' }]), now).problems)
      .toEqual({ slots: 'slotsCount' });
    expect(checkPlan(plan([{ start: '2026-11-30T19:00', end: '2026-11-30T21:00' }, { start: '2026-11-30T19:00', end: '2026-11-30T20:00' }]), now).problems)
      .toEqual({ 'slot-1-start': 'slotSameStart' });
  });
});
