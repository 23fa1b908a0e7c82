// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowInput } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { initialText } from '../forms/workflowInputs';
import { WorkflowInputField } from './WorkflowInputField';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); localStorage.clear(); });

function renderField(input: WorkflowInput, text = initialText(input), error?: string) {
  const onChange = vi.fn();
  render(<I18nProvider><WorkflowInputField input={input} text={text} error={error} communityId="c1" onChange={onChange} /></I18nProvider>);
  return onChange;
}

/** Answers the community's building groups and organisations as the host does. */
function stubDirectory() {
  vi.stubGlobal('fetch', vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify(url.endsWith('/building-groups')
    ? [{ id: 'b1', communityId: 'c1', precinctId: null, name: '1栋' }, { id: 'b2', communityId: 'c1', precinctId: null, name: '2栋' }]
    : [{ id: 'o1', name: '物业公司', kind: 'property-company', kindName: '物业', notes: null, contacts: [], createdAt: '', updatedAt: '' }]), { status: 200 }))));
}

describe('WorkflowInputField', () => {
  it('labels the field with the input\'s Chinese name, marks it required and shows its default', () => {
    renderField({ name: 'topic', type: 'text', required: true, default: '加装电梯', displayName: { 'zh-CN': '议题', en: 'Topic' } });
    const box = screen.getByLabelText('议题 *');
    expect(box).toHaveProperty('value', '加装电梯');
  });

  it('offers the options of a text input as a dropdown with their names', () => {
    const onChange = renderField({ name: 'tieRule', type: 'text', default: 'lots', displayName: { 'zh-CN': '平票规则' },
      options: [{ value: 'lots', displayName: { 'zh-CN': '抽签' } }, { value: 'staff', displayName: { 'zh-CN': '工作人员决定' } }] });
    const select = screen.getByLabelText('平票规则');
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['抽签', '工作人员决定']);
    fireEvent.change(select, { target: { value: 'staff' } });
    expect(onChange).toHaveBeenCalledWith('staff');
  });

  it('shows a number as a number box and an error at the field', () => {
    renderField({ name: 'seats', type: 'number', displayName: { 'zh-CN': '名额' } }, 'two', '应为数字。');
    const box = screen.getByLabelText('名额');
    expect(box.getAttribute('type')).toBe('number');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('应为数字。').id).toBe('input-seats-error');
  });

  it('shows true or false as 是 and 否', () => {
    renderField({ name: 'notify', type: 'boolean', displayName: { 'zh-CN': '通知楼长' } });
    expect([...(screen.getByLabelText('通知楼长') as HTMLSelectElement).options].map((o) => o.text)).toEqual(['是', '否']);
  });

  it('chooses one building group by name and gives its id', async () => {
    stubDirectory();
    const onChange = renderField({ name: 'building', type: 'text', required: true, picker: 'buildingGroup', displayName: { 'zh-CN': '楼栋' } }, '');
    const select = screen.getByLabelText('楼栋 *') as HTMLSelectElement;
    await waitFor(() => expect([...select.options].map((o) => o.text)).toEqual(['请选择', '1栋', '2栋']));
    fireEvent.change(select, { target: { value: 'b2' } });
    expect(onChange).toHaveBeenCalledWith('b2');
  });

  it('ticks several organisations and gives their ids as a list', async () => {
    stubDirectory();
    const onChange = renderField({ name: 'units', type: 'json', picker: 'organisation', displayName: { 'zh-CN': '接单单位' } }, '');
    fireEvent.click(await screen.findByLabelText('物业公司'));
    expect(onChange).toHaveBeenCalledWith('["o1"]');
  });
});
