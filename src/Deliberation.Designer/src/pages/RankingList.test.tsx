// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RankingEntry } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { RankingList } from './RankingList';

const entry: RankingEntry = {
  rank: 1, complaintId: 'c1', title: '1栋电梯经常停运', categoryCode: 'lift', reporterCount: 12, urgency: 4, severity: 5,
  loggedAt: '2026-11-23T01:00:00Z', score: 68.3, affectedHouseholds: 30, communityHouseholds: 120,
  parts: [
    { name: 'reporters', raw: 12, normalized: 0.6524, weight: 0.3, contribution: 19.57 },
    { name: 'urgency', raw: 4, normalized: 0.75, weight: 0.25, contribution: 18.75 },
    { name: 'severity', raw: 5, normalized: 1, weight: 0.25, contribution: 25 },
    { name: 'share', raw: 30, normalized: 0.25, weight: 0.2, contribution: 5 },
  ],
};

afterEach(() => { cleanup(); localStorage.clear(); });

describe('RankingList', () => {
  it('shows each complaint with its rank and score, and why in Chinese by default', () => {
    render(<I18nProvider><RankingList items={[entry]} /></I18nProvider>);
    expect(screen.getByText('1栋电梯经常停运')).toBeTruthy();
    expect(screen.getByText('得分 68.3')).toBeTruthy();
    fireEvent.click(screen.getByText('为什么排在这里'));
    expect(screen.getByText('紧急程度')).toBeTruthy();
    expect(screen.getByText('18.8 分')).toBeTruthy();
    expect(screen.getByText('影响 30/120 户')).toBeTruthy();
  });

  it('says so when nothing is open, in English when chosen', () => {
    localStorage.setItem('deliberation.lang', 'en');
    render(<I18nProvider><RankingList items={[]} /></I18nProvider>);
    expect(screen.getByText('No open issues')).toBeTruthy();
  });
});
