import type { StringKey } from './i18n/zh-CN';

// The dashboard's monthly rates (src/Deliberation.Host/Api/ReportsApi.cs; defined in src/Deliberation.Civic/Reporting/MonthlyRates.cs).

/** How many of how many; no percent when nothing was counted (a quiet month has no rate, not 0%). */
export interface Rate { numerator: number; denominator: number; percent: number | null }

/** One month's rates, Beijing time. */
export interface MonthRates {
  month: string; response: Rate; averageResponseMinutes: number | null; handled: number; resolution: Rate; satisfaction: Rate;
}

export type RateKey = 'response' | 'resolution' | 'satisfaction';

/** The rates in the order they are drawn and listed, each with its name and what it counts. */
export const rateKinds: { key: RateKey; name: StringKey; help: StringKey; counted: StringKey }[] = [
  { key: 'response', name: 'rateResponse', help: 'rateResponseHelp', counted: 'rateResponseCounted' },
  { key: 'resolution', name: 'rateResolution', help: 'rateResolutionHelp', counted: 'rateResolutionCounted' },
  { key: 'satisfaction', name: 'rateSatisfaction', help: 'rateSatisfactionHelp', counted: 'rateSatisfactionCounted' },
];

/** A month key (2026-11) as people read it: 2026年11月 / Nov 2026, or short: 11月 / Nov. */
export function monthLabel(month: string, lang: string, short = false): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  if (lang === 'en') {
    const name = new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
    return short ? name : `${name} ${year}`;
  }
  return short ? `${number}月` : `${year}年${number}月`;
}

/** A point of a rate's line: where it is drawn, or no height for a month without a rate. */
export interface ChartPoint { month: string; x: number; y: number | null; rate: Rate }

/** A rate's line: its points, and the runs of consecutive months with a rate (a month without one breaks the line). */
export interface ChartSeries { key: RateKey; points: ChartPoint[]; runs: { x: number; y: number }[][] }

/**
 * Lays one rate out in a plot of width × height: the months evenly from left to right (one month alone in the middle),
 * 0% at the bottom and 100% at the top.
 */
export function chartSeries(months: MonthRates[], key: RateKey, width: number, height: number): ChartSeries {
  const step = months.length > 1 ? width / (months.length - 1) : 0;
  const points = months.map((m, i) => {
    const rate = m[key];
    const x = months.length > 1 ? i * step : width / 2;
    return { month: m.month, x, y: rate.percent === null ? null : height - (height * Math.min(100, Math.max(0, rate.percent))) / 100, rate };
  });
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ x: p.x, y: p.y });
  }
  if (run.length > 0) runs.push(run);
  return { key, points, runs };
}

/** A rate as its figures: 3/4（75%）, or null for a month without a rate. */
export function rateFigures(rate: Rate): { n: number; d: number; p: string } | null {
  return rate.percent === null ? null : { n: rate.numerator, d: rate.denominator, p: formatPercent(rate.percent) };
}

/** 66.7 → "66.7%", 50 → "50%". */
export function formatPercent(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** A response time in the largest units that say it: 45分钟, 4小时, 5小时30分钟, 2天, 2天3小时. */
export function responseTime(minutes: number): { key: StringKey; vars: Record<string, number> } {
  if (minutes < 60) return { key: 'rateMinutes', vars: { m: minutes } };
  if (minutes < 24 * 60) {
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    return m === 0 ? { key: 'rateHours', vars: { h } } : { key: 'rateHoursMinutes', vars: { h, m } };
  }
  const [d, h] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)];
  return h === 0 ? { key: 'rateDays', vars: { d } } : { key: 'rateDaysHours', vars: { d, h } };
}
