/**
 * How much of a moment to show — one style throughout, as a Chinese reader writes dates (2026年12月7日周一 09:58): a
 * moment with its weekday, a date with hour and minute, month and day with the time for a tight card, or the date.
 * Never seconds: nobody reads them.
 */
export type TimeStyle = 'full' | 'medium' | 'short' | 'date';

const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const styles: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  full: { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', ...clock },
  medium: { year: 'numeric', month: 'long', day: 'numeric', ...clock },
  short: { month: 'long', day: 'numeric', ...clock },
  date: { year: 'numeric', month: 'long', day: 'numeric' },
};

/** A moment (ISO 8601) as staff read it: in Beijing time, in the page's language. */
export function beijingTime(at: string, lang: string, style: TimeStyle = 'full'): string {
  return new Date(at).toLocaleString(lang, { timeZone: 'Asia/Shanghai', ...styles[style] });
}

/**
 * The moment a date-time field's value (datetime-local, e.g. 2026-12-01T19:00) names, read as Beijing time whatever
 * the computer's own time zone: staff type the meeting's time as the residents will read it.
 */
export function fromBeijingInput(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`) : new Date(Number.NaN);
}
