// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { SchedulePanel } from './SchedulePanel';

const doc: WorkflowDefinition = {
  id: 'monthly',
  inputs: [{ name: 'topic', type: 'text', required: true, displayName: { 'zh-CN': '议题', en: 'Topic' } }],
  activities: [{ id: 'start', type: 'Start' }],
  connections: [],
  schedule: { cron: '0 9 1 * *', input: { topic: '本月居民议事' } },
};
const view = { cron: '0 9 1 * *', timeZone: 'Asia/Shanghai', next: ['2026-12-01T09:00:00+08:00', '2027-01-01T09:00:00+08:00', '2027-02-01T09:00:00+08:00'], runs: true };

afterEach(() => cleanup());

function renderPanel(overrides: Partial<Parameters<typeof SchedulePanel>[0]> = {}) {
  const props = { doc, view, shared: false, communities: [], problems: [], readOnly: false, onChange: vi.fn(), ...overrides };
  render(<I18nProvider><SchedulePanel {...props} /></I18nProvider>);
  return props;
}

describe('SchedulePanel', () => {
  it('says in Chinese when the workflow starts and its next three starts in Beijing time', () => {
    renderPanel();
    const summary = screen.getByTestId('schedule-summary').textContent!;
    expect(summary.startsWith('定时启动：每月1日 09:00（北京时间）；下次：')).toBe(true);
    expect(summary).toContain('2026年12月1日');
    expect(summary).toContain('2027年2月1日');
    expect(screen.getByLabelText('议题 *')).toHaveProperty('value', '本月居民议事');
  });

  it('shows the server refusal of the cron at the field, in Chinese', () => {
    renderPanel({
      doc: { ...doc, schedule: { cron: '0 9 32 * *', input: { topic: 'x' } } },
      problems: [{ path: 'schedule.cron', code: 'invalid-cron', message: "'0 9 32 * *' is not a cron expression", activityId: null, input: null }],
    });
    const field = screen.getByLabelText('启动时间（cron：分 时 日 月 周）');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/不是有效的 cron 表达式/)).toBeTruthy();
    expect(screen.getByTestId('schedule-summary').textContent).toContain('保存后显示');
  });

  it('edits the cron and turns the schedule off', () => {
    const props = renderPanel();
    fireEvent.change(screen.getByLabelText('启动时间（cron：分 时 日 月 周）'), { target: { value: '0 19 * * 5' } });
    expect(props.onChange).toHaveBeenLastCalledWith({ cron: '0 19 * * 5', input: { topic: '本月居民议事' } });
    fireEvent.click(screen.getByLabelText(/按计划自动启动/));
    expect(props.onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('lets a shared workflow choose its communities', () => {
    const props = renderPanel({ shared: true, communities: [{ id: 'c1', code: 'DL', name: '大龙社区' }] });
    fireEvent.click(screen.getByLabelText(/大龙社区/));
    expect(props.onChange).toHaveBeenLastCalledWith({ cron: '0 9 1 * *', input: { topic: '本月居民议事' }, communityIds: ['c1'] });
  });

  it('lets a shared workflow start in every community, which hides the list', () => {
    const props = renderPanel({ shared: true, communities: [{ id: 'c1', code: 'DL', name: '大龙社区' }],
      doc: { ...doc, schedule: { cron: '0 9 1 * *', input: { topic: '本月居民议事' }, communityIds: ['c1'] } } });
    fireEvent.click(screen.getByLabelText(/全部社区/));
    expect(props.onChange).toHaveBeenLastCalledWith({ cron: '0 9 1 * *', input: { topic: '本月居民议事' }, communityIds: null, allCommunities: true });
    cleanup();
    renderPanel({ shared: true, communities: [{ id: 'c1', code: 'DL', name: '大龙社区' }],
      doc: { ...doc, schedule: { cron: '0 9 1 * *', input: { topic: '本月居民议事' }, allCommunities: true } } });
    expect(screen.getByLabelText(/全部社区/)).toHaveProperty('checked', true);
    expect(screen.queryByLabelText(/大龙社区/)).toBeNull();
  });
});
