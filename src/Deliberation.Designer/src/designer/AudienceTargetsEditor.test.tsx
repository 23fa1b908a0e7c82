// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityDescriptor, ActivityNodeDef, WorkflowDefinition } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { SessionProvider } from '../session';
import { audienceIds } from './AudienceTargetsEditor';
import { PropertyPanel } from './PropertyPanel';

const notify: ActivityDescriptor = {
  type: 'Notify', version: 1, displayName: { 'zh-CN': '通知', en: 'Notify' }, category: { 'zh-CN': '征询与通知', en: 'Ask and notify' },
  inputs: [
    {
      name: 'audience', type: 'Text', displayName: { 'zh-CN': '对象范围', en: 'Audience' }, required: true, uiHint: 'Dropdown', description: null,
      options: ['building-group', 'panel'], optionLabels: [{ 'zh-CN': '楼栋小组的居民' }, { 'zh-CN': '议事小组（案件）' }], default: 'building-group', syntaxes: null,
    },
    { name: 'audienceIds', type: 'Text', displayName: { 'zh-CN': '对象编号', en: 'Who (ids)' }, required: true, uiHint: 'AudiencePicker', description: null, options: null, default: null, syntaxes: null },
  ],
  outcomes: ['Done'], description: null, dynamicOutcomesInput: null, waits: false,
};

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify(url === '/api/auth/me'
    ? { id: 'u', email: 'li@x', displayName: '李主任', roles: ['CommitteeStaff'], communities: [{ id: 'c1', name: '大龙社区' }], personId: null }
    : [{ id: 'b1', communityId: 'c1', precinctId: null, name: '1栋' }, { id: 'b2', communityId: 'c1', precinctId: null, name: '2栋' }]), { status: 200 }))));
});

afterEach(() => { cleanup(); vi.unstubAllGlobals(); localStorage.clear(); });

function renderPanel(activity: ActivityNodeDef) {
  const doc: WorkflowDefinition = { id: 'w', activities: [{ id: 'start', type: 'Start' }, activity], connections: [] };
  const onInput = vi.fn();
  render(<I18nProvider><SessionProvider><PropertyPanel doc={doc} activity={activity} descriptor={notify} problems={[]} onInput={onInput} onLabel={vi.fn()}
    onConnect={vi.fn()} onDisconnect={vi.fn()} /></SessionProvider></I18nProvider>);
  return onInput;
}

describe('AudienceTargetsEditor', () => {
  it('picks building groups by name for the default audience and keeps their ids, one per line', async () => {
    const onInput = renderPanel({ id: 'notify1', type: 'Notify', inputs: { audienceIds: { type: 'literal', value: 'b1' } } });
    expect(await screen.findByLabelText('1栋')).toHaveProperty('checked', true);
    fireEvent.click(screen.getByLabelText('2栋'));
    expect(onInput).toHaveBeenCalledWith('audienceIds', { type: 'literal', value: 'b1\nb2' });
  });

  it('leaves a case panel\'s ids typed', () => {
    renderPanel({ id: 'notify1', type: 'Notify', inputs: { audience: { type: 'literal', value: 'panel' } } });
    expect(screen.getByLabelText('对象编号 *').tagName).toBe('TEXTAREA');
  });

  it('reads ids separated as the server separates them', () => {
    expect(audienceIds('a, b，c\nd、e')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
