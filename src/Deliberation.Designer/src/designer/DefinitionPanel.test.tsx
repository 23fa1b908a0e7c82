// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { DefinitionPanel } from './DefinitionPanel';

const doc: WorkflowDefinition = {
  id: 'sifang-lianxi',
  inputs: [{ name: 'deadlineClass', type: 'text', required: true, options: [{ value: '4h', displayName: { 'zh-CN': '网格4小时处理' } }] }],
  variables: [{ name: 'round', default: 1 }],
  activities: [{ id: 'start', type: 'Start' }],
  connections: [],
};

afterEach(() => cleanup());

function renderPanel(overrides: Partial<Parameters<typeof DefinitionPanel>[0]> = {}) {
  let current = doc;
  const onChange = vi.fn((change: (d: WorkflowDefinition) => WorkflowDefinition) => { current = change(current); });
  render(<I18nProvider><DefinitionPanel doc={doc} problems={[]} readOnly={false} onChange={onChange} {...overrides} /></I18nProvider>);
  return { onChange, result: () => current };
}

describe('DefinitionPanel', () => {
  it('edits an input\'s options and a variable in Chinese, and adds both without JSON', () => {
    const { result } = renderPanel();
    expect(screen.getByLabelText('可选值')).toHaveProperty('value', '4h=网格4小时处理');
    fireEvent.change(screen.getByLabelText('可选值'), { target: { value: '4h=网格4小时处理\n24h=24小时' } });
    expect(result().inputs![0]!.options).toEqual([{ value: '4h', displayName: { 'zh-CN': '网格4小时处理' } }, { value: '24h', displayName: { 'zh-CN': '24小时' } }]);
    fireEvent.click(screen.getByRole('button', { name: '添加变量' }));
    expect(result().variables!.map((v) => v.name)).toEqual(['round', 'variable1']);
    fireEvent.click(screen.getByRole('button', { name: '添加输入项' }));
    expect(result().inputs!.map((i) => i.name)).toEqual(['deadlineClass', 'input1']);
  });

  it('names the workflow in Chinese and lets a text input be picked from the building groups', () => {
    const { result } = renderPanel();
    fireEvent.change(screen.getByLabelText('流程名称'), { target: { value: '四方联席会议' } });
    expect(result().displayName).toEqual({ 'zh-CN': '四方联席会议' });
    fireEvent.change(screen.getByLabelText('选择方式'), { target: { value: 'buildingGroup' } });
    expect(result().inputs![0]).toEqual({ name: 'deadlineClass', type: 'text', required: true, picker: 'buildingGroup' });
  });

  it('shows the server\'s refusal of a name at its field, in Chinese', () => {
    renderPanel({ problems: [{ path: 'variables[0].name', code: 'invalid-name', message: "Variable name '1x' must…", activityId: null, input: null }] });
    const field = document.getElementById('def-variable-0-name')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('名称须以字母或 _ 开头，只含字母、数字和 _。')).toBeTruthy();
  });

  it('offers no editing when the version is published', () => {
    renderPanel({ readOnly: true });
    expect(screen.queryByRole('button', { name: '添加变量' })).toBeNull();
    expect(screen.getByLabelText('类型')).toHaveProperty('disabled', true);
  });
});
