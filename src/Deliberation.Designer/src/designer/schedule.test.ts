import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { describeCron, scheduleInputValue, scheduleProblems, setSchedule, withScheduleInput } from './schedule';

describe('schedule', () => {
  it('describes the common crons in Chinese and English', () => {
    expect(describeCron('0 9 1 * *', 'zh-CN')).toBe('每月1日 09:00');
    expect(describeCron('30 19 * * 5', 'zh-CN')).toBe('每周五 19:30');
    expect(describeCron('0 8 * * *', 'zh-CN')).toBe('每天 08:00');
    expect(describeCron('0 9 1 * *', 'en')).toBe('monthly on day 1 at 09:00');
    expect(describeCron('0 9 * * 7', 'en')).toBe('every Sunday at 09:00');
  });

  it('leaves other crons undescribed', () => {
    expect(describeCron('0 9 1 1,7 *', 'zh-CN')).toBeNull();
    expect(describeCron('*/5 * * * *', 'zh-CN')).toBeNull();
    expect(describeCron('0 9 1 *', 'zh-CN')).toBeNull();
  });

  it('sets and removes the schedule and its inputs', () => {
    const doc: WorkflowDefinition = { id: 'w', activities: [], connections: [] };
    const scheduled = setSchedule(doc, withScheduleInput({ cron: '0 9 1 * *' }, 'topic', '本月居民议事'));
    expect(scheduled.schedule).toEqual({ cron: '0 9 1 * *', input: { topic: '本月居民议事' } });
    expect(withScheduleInput(scheduled.schedule!, 'topic', undefined).input).toBeNull();
    expect('schedule' in setSchedule(scheduled, undefined)).toBe(false);
  });

  it('types input values by the input type', () => {
    expect(scheduleInputValue('Number', '3')).toBe(3);
    expect(scheduleInputValue('Boolean', 'true')).toBe(true);
    expect(scheduleInputValue('Text', '3')).toBe('3');
    expect(scheduleInputValue('Text', ' ')).toBeUndefined();
  });

  it('picks the schedule problems', () => {
    const p = (path: string) => ({ path, code: 'x', message: 'm', activityId: null, input: null });
    expect(scheduleProblems([p('schedule.cron'), p('activities[a].type'), p('schedule.input.topic')]).map((x) => x.path))
      .toEqual(['schedule.cron', 'schedule.input.topic']);
  });
});
