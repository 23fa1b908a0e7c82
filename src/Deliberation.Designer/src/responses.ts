import type { ResponseSummary } from './api/types';
import type { StringKey } from './i18n/zh-CN';

type T = (key: StringKey, values?: Record<string, string | number>) => string;

/** Minutes in words: 3小时 / 3 h, 1天2小时 / 1 d 2 h, 45分钟 / 45 min; days and hours drop the minutes. */
export function responseDuration(t: T, minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('durationDays', { n: days }));
  if (hours > 0) parts.push(t('durationHours', { n: hours }));
  if (days === 0 && (rest > 0 || hours === 0)) parts.push(t('durationMinutes', { n: rest }));
  return parts.join(t('durationSeparator'));
}

/**
 * Where a matter to respond to within a deadline stands, beside its escalation on the dashboard: handled by which level
 * after how long (late or in time), or which level has it now, or that the top level missed it too.
 */
export function responseLine(t: T, response: ResponseSummary, level: string): string {
  if (response.status === 'handled' && response.respondedMinutes !== null)
    return t(response.inTime ? 'responseHandled' : 'responseHandledLate', { level, after: responseDuration(t, response.respondedMinutes) });
  if (response.status === 'unhandled') return t('responseUnhandled', { level, n: response.escalations });
  return t('responseOpen', { level, n: response.escalations });
}
