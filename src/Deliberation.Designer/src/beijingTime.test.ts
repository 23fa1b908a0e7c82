import { describe, expect, it } from 'vitest';
import { beijingTime, fromBeijingInput } from './beijingTime';

describe('beijingTime', () => {
  const at = '2026-12-07T01:58:13Z'; // 09:58:13 in Beijing, a Monday

  it('writes one Chinese date style in Beijing time, without seconds', () => {
    expect(beijingTime(at, 'zh-CN')).toBe('2026年12月7日周一 09:58');
    expect(beijingTime(at, 'zh-CN', 'medium')).toBe('2026年12月7日 09:58');
    expect(beijingTime(at, 'zh-CN', 'short')).toBe('12月7日 09:58');
    expect(beijingTime(at, 'zh-CN', 'date')).toBe('2026年12月7日');
  });

  it('reads a date-time field as Beijing time, whatever the computer’s zone', () => {
    expect(fromBeijingInput('2026-12-07T09:58').toISOString()).toBe('2026-12-07T01:58:00.000Z');
    expect(Number.isNaN(fromBeijingInput('07/12/2026').getTime())).toBe(true);
  });
});
