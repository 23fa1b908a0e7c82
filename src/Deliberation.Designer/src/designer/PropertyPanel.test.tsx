// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityDescriptor, WorkflowDefinition } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { PropertyPanel } from './PropertyPanel';

const delay: ActivityDescriptor = {
  type: 'Delay', version: 1, displayName: { 'zh-CN': '等待一段时间', en: 'Delay' }, category: { 'zh-CN': '时间与等待', en: 'Time' },
  inputs: [{ name: 'duration', type: 'Duration', displayName: { 'zh-CN': '时长', en: 'Duration' }, required: true, uiHint: 'Duration', description: null, options: null, default: null, syntaxes: null }],
  outcomes: ['Done'], description: null, dynamicOutcomesInput: null, waits: true,
};
const doc: WorkflowDefinition = {
  id: 'w',
  activities: [{ id: 'start', type: 'Start' }, { id: 'delay1', type: 'Delay', inputs: {} }, { id: 'end', type: 'End', label: '办结' }],
  connections: [],
};

const ask: ActivityDescriptor = {
  type: 'AskParticipants', version: 1, displayName: { 'zh-CN': '征询参与者', en: 'Ask participants' }, category: { 'zh-CN': '征询与通知', en: 'Ask and notify' },
  inputs: [
    {
      name: 'form', type: 'Text', displayName: { 'zh-CN': '答复方式', en: 'Answer form' }, required: true, uiHint: 'Dropdown', description: null,
      options: ['yes-no', 'rating'], optionLabels: [{ 'zh-CN': '是/否', en: 'Yes / no' }, { 'zh-CN': '评分（1–5 分）', en: 'Rating (1–5)' }], default: 'yes-no', syntaxes: ['literal', 'scriban'],
    },
    { name: 'allowComment', type: 'Boolean', displayName: { 'zh-CN': '可附说明', en: 'Allow a comment' }, required: false, uiHint: 'Checkbox', description: null, options: null, default: true, syntaxes: null },
    { name: 'deadline', type: 'Duration', displayName: { 'zh-CN': '答复期限', en: 'Deadline' }, required: false, uiHint: 'Duration', description: null, options: null, default: '7d', syntaxes: null },
  ],
  outcomes: ['AllAnswered', 'QuorumReached', 'Deadline'], description: null, dynamicOutcomesInput: null, waits: true,
};

afterEach(() => cleanup());

function renderPanel(overrides: Partial<Parameters<typeof PropertyPanel>[0]> = {}) {
  const props = {
    doc, activity: doc.activities[1], descriptor: delay, problems: [], onInput: vi.fn(), onLabel: vi.fn(), onConnect: vi.fn(), onDisconnect: vi.fn(), ...overrides,
  };
  render(<I18nProvider><PropertyPanel {...props} /></I18nProvider>);
  return props;
}

describe('PropertyPanel', () => {
  it('shows a server problem at its field and marks the field invalid', () => {
    renderPanel({ problems: [{ input: 'duration', message: '“时长”为必填项' }] });
    const field = screen.getByLabelText('时长 *');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent).toBe('“时长”为必填项');
  });

  it('turns typing into a literal expression and an emptied field into no input', () => {
    const props = renderPanel();
    fireEvent.change(screen.getByLabelText('时长 *'), { target: { value: '2h' } });
    expect(props.onInput).toHaveBeenLastCalledWith('duration', { type: 'literal', value: '2h' });
    fireEvent.change(screen.getByLabelText('时长 * · 表达式类型'), { target: { value: 'scriban' } });
    expect(props.onInput).toHaveBeenLastCalledWith('duration', { type: 'scriban', value: '2h' });
  });

  it('keeps the kind chosen for an empty field, and lists the workflow\'s inputs by their Chinese names for a variable', () => {
    const withInput: WorkflowDefinition = { ...doc, inputs: [{ name: 'wait', type: 'duration', displayName: { 'zh-CN': '冷静期' } }] };
    const props = renderPanel({ doc: withInput, activity: withInput.activities[1] });
    fireEvent.change(screen.getByLabelText('时长 * · 表达式类型'), { target: { value: 'variable' } });
    const variable = screen.getByLabelText('时长 *') as HTMLSelectElement;
    expect([...variable.options].map((o) => o.text)).toEqual(['—', '冷静期（wait）']);
    fireEvent.change(variable, { target: { value: 'wait' } });
    expect(props.onInput).toHaveBeenLastCalledWith('duration', { type: 'variable', value: 'wait' });
  });

  it('connects a port to another activity without a mouse', () => {
    const props = renderPanel();
    fireEvent.change(screen.getByLabelText('出口'), { target: { value: 'Done' } });
    fireEvent.change(screen.getByLabelText('连接到'), { target: { value: 'end' } });
    fireEvent.click(screen.getByRole('button', { name: '添加连接' }));
    expect(props.onConnect).toHaveBeenCalledWith('Done', 'end');
  });

  it('shows a dropdown\'s options by their labels, stores the option, and shows what an empty input means', () => {
    const askDoc: WorkflowDefinition = { id: 'w', activities: [{ id: 'ask', type: 'AskParticipants', inputs: {} }], connections: [] };
    const props = renderPanel({ doc: askDoc, activity: askDoc.activities[0], descriptor: ask });
    const form = screen.getByLabelText('答复方式 *') as HTMLSelectElement;
    expect([...form.options].map((o) => o.text)).toEqual(['—（默认：是/否）', '是/否', '评分（1–5 分）']);
    fireEvent.change(form, { target: { value: 'rating' } });
    expect(props.onInput).toHaveBeenLastCalledWith('form', { type: 'literal', value: 'rating' });
    // Left alone, a check box with a default of true is ticked, and a duration shows its default.
    expect((screen.getByLabelText('可附说明') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('答复期限') as HTMLInputElement).placeholder).toBe('7d');
    fireEvent.click(screen.getByLabelText('可附说明'));
    expect(props.onInput).toHaveBeenLastCalledWith('allowComment', { type: 'literal', value: false });
  });
});
