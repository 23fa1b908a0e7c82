// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18n';
import { CaseProgressChart, lasted } from './CaseProgressChart';

afterEach(() => { cleanup(); localStorage.clear(); });

describe('CaseProgressChart', () => {
  it('says how long each step took, rounds included, and marks the step still under way', () => {
    const spans = [
      { step: 1, from: '2026-12-01T02:00:00Z', to: '2026-12-01T05:30:00Z' },
      { step: 2, from: '2026-12-01T05:30:00Z', to: '2026-12-05T05:30:00Z' },
      { step: 3, from: '2026-12-05T05:30:00Z', to: '2026-12-06T05:30:00Z' },
      { step: 3, from: '2026-12-06T05:30:00Z', to: null },
    ];
    render(<I18nProvider><CaseProgressChart spans={spans} now={new Date('2026-12-08T05:30:00Z')} /></I18nProvider>);
    expect(screen.getByTestId('progress-step-1').textContent).toBe('1. 锚定问题4 小时');
    expect(screen.getByTestId('progress-step-2').textContent).toContain('4 天');
    expect(screen.getByTestId('progress-step-3').textContent).toContain('3 天，分 2 次，进行中');
    expect(screen.getByTestId('progress-step-5').textContent).toContain('—');
    expect(screen.getByText('至今')).toBeTruthy();
    // Step 2's bar starts an hour and a half into seven days and lasts four of them.
    const bar = screen.getByTestId('progress-step-2').querySelector<HTMLElement>('.progress-bar')!;
    expect(parseFloat(bar.style.left)).toBeCloseTo((100 * 3.5) / (7 * 24 + 3.5), 3);
  });

  it('says under an hour, then hours under a day, and days after', () => {
    expect(lasted(10 * 60_000)).toEqual({ key: 'lastedUnderHour', n: 1 });
    expect(lasted(90 * 60_000)).toEqual({ key: 'lastedHours', n: 2 });
    expect(lasted(23.2 * 3_600_000)).toEqual({ key: 'lastedHours', n: 23 });
    expect(lasted(36 * 3_600_000)).toEqual({ key: 'lastedDays', n: 2 });
  });
});
