import { describe, expect, it } from 'vitest';
import { chartSeries, formatPercent, monthLabel, rateFigures, responseTime, type MonthRates, type Rate } from './rates';

const rate = (numerator: number, denominator: number, percent: number | null): Rate => ({ numerator, denominator, percent });
const none = rate(0, 0, null);
const month = (key: string, response: Rate, resolution: Rate = none, satisfaction: Rate = none): MonthRates =>
  ({ month: key, response, averageResponseMinutes: null, handled: 0, resolution, satisfaction });

describe('rates', () => {
  it('lays the months evenly from left to right, 100% at the top and 0% at the bottom', () => {
    const months = [month('2026-09', rate(1, 1, 100)), month('2026-10', rate(0, 2, 0)), month('2026-11', rate(1, 2, 50))];

    const series = chartSeries(months, 'response', 200, 100);

    expect(series.points.map((p) => [p.month, p.x, p.y])).toEqual([['2026-09', 0, 0], ['2026-10', 100, 100], ['2026-11', 200, 50]]);
    expect(series.runs).toEqual([[{ x: 0, y: 0 }, { x: 100, y: 100 }, { x: 200, y: 50 }]]);
    expect(series.points[2]!.rate).toEqual(rate(1, 2, 50));
  });

  it('breaks the line at a month without a rate instead of drawing it at 0%', () => {
    const months = [
      month('2026-08', none, rate(3, 4, 75)), month('2026-09', none, none), month('2026-10', none, rate(1, 2, 50)),
      month('2026-11', none, rate(2, 2, 100)),
    ];

    const series = chartSeries(months, 'resolution', 300, 100);
    const empty = chartSeries(months, 'satisfaction', 300, 100);

    expect(series.points[1]!.y).toBeNull();
    expect(series.runs).toEqual([[{ x: 0, y: 25 }], [{ x: 200, y: 50 }, { x: 300, y: 0 }]]);
    expect(empty.runs).toEqual([]);
    expect(empty.points.every((p) => p.y === null)).toBe(true);
  });

  it('puts a single month in the middle', () => {
    expect(chartSeries([month('2026-11', rate(1, 4, 25))], 'response', 200, 100).points[0]).toMatchObject({ x: 100, y: 75 });
  });

  it('gives the numerator and denominator with the percent, and nothing for a month without a rate', () => {
    expect(rateFigures(rate(2, 3, 66.7))).toEqual({ n: 2, d: 3, p: '66.7%' });
    expect(rateFigures(rate(0, 1, 0))).toEqual({ n: 0, d: 1, p: '0%' });
    expect(rateFigures(none)).toBeNull();
    expect(formatPercent(50)).toBe('50%');
  });

  it('names months in Chinese first, and in English', () => {
    expect(monthLabel('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(monthLabel('2026-01', 'zh-CN', true)).toBe('1月');
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
    expect(monthLabel('2026-12', 'en', true)).toBe('Dec');
  });

  it('says a response time in minutes, hours (and minutes), or days (and hours)', () => {
    expect(responseTime(45)).toEqual({ key: 'rateMinutes', vars: { m: 45 } });
    expect(responseTime(330)).toEqual({ key: 'rateHoursMinutes', vars: { h: 5, m: 30 } });
    expect(responseTime(1440 * 2 + 190)).toEqual({ key: 'rateDaysHours', vars: { d: 2, h: 3 } });
    expect(responseTime(240)).toEqual({ key: 'rateHours', vars: { h: 4 } });
    expect(responseTime(1440 * 7 + 30)).toEqual({ key: 'rateDays', vars: { d: 7 } });
  });
});
