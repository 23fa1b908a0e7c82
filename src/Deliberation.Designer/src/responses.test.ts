import { describe, expect, it } from 'vitest';
import type { ResponseSummary } from './api/types';
import { translate } from './i18n/I18n';
import { responseDuration, responseLine } from './responses';

describe('responses', () => {
  const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh-CN', key, values);
  const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);
  const base: ResponseSummary = {
    responseId: 'r', status: 'open', level: 'community', levelName: '社区', escalations: 1, dueAt: '2026-11-23T09:00:00Z',
    handledAt: null, respondedMinutes: null, inTime: false,
  };

  it('tells a response time in days, hours or minutes', () => {
    expect(responseDuration(zh, 180)).toBe('3小时');
    expect(responseDuration(zh, 26 * 60 + 5)).toBe('1天2小时');
    expect(responseDuration(zh, 45)).toBe('45分钟');
    expect(responseDuration(zh, 0)).toBe('0分钟');
    expect(responseDuration(en, 90)).toBe('1 h 30 min');
  });

  it('says who has the matter now, who handled it and whether in time', () => {
    expect(responseLine(zh, base, '社区')).toBe('已升级 1 次，现由社区处理');
    expect(responseLine(zh, { ...base, status: 'handled', level: 'grid', respondedMinutes: 180, inTime: true }, '网格员')).toBe('已由网格员处理，用时 3小时');
    expect(responseLine(zh, { ...base, status: 'handled', respondedMinutes: 720 }, '网格员')).toBe('已由网格员处理（超时），用时 12小时');
    expect(responseLine(zh, { ...base, status: 'unhandled', escalations: 2 }, '街道')).toBe('已升级 2 次，街道仍逾期未处理');
    expect(responseLine(en, { ...base, status: 'handled', respondedMinutes: 180, inTime: true }, 'grid worker')).toBe('Handled by the grid worker after 3 h');
  });
});
