/** How much of a moment to show: everything, a date with hour and minute, or month/day and time for a tight card. */
export type TimeStyle = 'full' | 'medium' | 'short' | 'date';

const styles: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  full: {},
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  short: { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
  date: { year: 'numeric', month: 'numeric', day: 'numeric' },
};

/** A moment (ISO 8601) as staff read it: in Beijing time, in the page's language. */
export function beijingTime(at: string, lang: string, style: TimeStyle = 'full'): string {
  return new Date(at).toLocaleString(lang, { timeZone: 'Asia/Shanghai', ...styles[style] });
}
