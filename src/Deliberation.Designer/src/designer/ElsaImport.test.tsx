// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ElsaImportAnswer } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { ElsaImportReport } from './ElsaImport';

const answer: ElsaImportAnswer = {
  version: {
    definitionId: 'elsa-residentsapproval', version: 1, isPublished: false, source: 'api', createdAt: '2026-11-23T01:00:00Z', publishedAt: null,
    eTag: '"1"', displayName: '居民意见征询', ownerCommunityId: null, canChange: true,
  },
  sourceName: '居民意见征询', activitiesRead: 14, activitiesImported: 13,
  notes: [
    { code: 'unsupported-activity', skipped: true, activityId: 'Report', elsaType: 'Elsa.SendHttpRequest', detail: 'SendHttpRequest1', message: 'x' },
    { code: 'connection-dropped', skipped: true, activityId: 'Report', elsaType: 'Elsa.SendHttpRequest', detail: 'Enough:False → Report', message: 'x' },
    { code: 'timer-waits-once', skipped: false, activityId: 'Timer1', elsaType: 'Elsa.Timer', detail: 'interval', message: 'x' },
  ],
};

afterEach(() => { cleanup(); localStorage.clear(); });

describe('ElsaImportReport', () => {
  it('says in Chinese what was imported, lists what was left out apart from what changed, and links to the draft', () => {
    render(<I18nProvider><ElsaImportReport answer={answer} /></I18nProvider>);
    expect(screen.getByText('已导入为草稿“elsa-residentsapproval”（第 1 版）：文件中的 14 个活动导入了 13 个。')).toBeTruthy();
    const skipped = screen.getByTestId('elsa-import-skipped').textContent!;
    expect(skipped).toContain('活动“Report”（Elsa.SendHttpRequest）在本系统没有对应的活动，未导入。');
    expect(skipped).toContain('连接 Enough:False → Report 随活动“Report”一起未导入');
    expect(screen.getByTestId('elsa-import-changed').textContent).toContain('定时器“Timer1”在 Elsa 中会重复触发');
    expect(screen.getByRole('link', { name: /打开草稿/ }).getAttribute('href')).toBe('/designer/elsa-residentsapproval');
  });
});
