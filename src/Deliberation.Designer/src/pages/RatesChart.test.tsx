// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18n';
import type { MonthRates } from '../rates';
import { RatesChart } from './RatesChart';

afterEach(() => { cleanup(); localStorage.clear(); });

const none = { numerator: 0, denominator: 0, percent: null };
const months: MonthRates[] = [
  {
    month: '2026-10', response: { numerator: 1, denominator: 2, percent: 50 }, averageResponseMinutes: 330, handled: 2,
    resolution: { numerator: 2, denominator: 3, percent: 66.7 }, satisfaction: none,
  },
  { month: '2026-11', response: none, averageResponseMinutes: null, handled: 0, resolution: none, satisfaction: none },
];

describe('RatesChart', () => {
  it('names each point\'s month and figures in Chinese, and shows a month without data as such in the table', () => {
    render(<I18nProvider><RatesChart months={months} /></I18nProvider>);

    const response = screen.getByTestId('rates-series-response');
    expect(response.querySelectorAll('.rates-point')).toHaveLength(1);
    expect(response.querySelector('title')!.textContent).toBe('响应率 · 2026年10月：按时响应 1 件 / 应响应 2 件（50%）');
    expect(screen.getByTestId('rates-series-satisfaction').querySelectorAll('.rates-point')).toHaveLength(0);
    expect(screen.getByTestId('rates-2026-10').textContent).toBe('2026年10月50% （1/2）66.7% （2/3）无数据5小时30分钟 （已响应 2 件）');
    expect(screen.getByTestId('rates-2026-11').textContent).toBe('2026年11月无数据无数据无数据无数据');
    expect(screen.getByRole('img').getAttribute('aria-labelledby')).toBe('rates-chart-title');
    expect(screen.getByText('2026年10月至2026年11月每月的响应率、办结率和满意率')).toBeTruthy();
  });
});
