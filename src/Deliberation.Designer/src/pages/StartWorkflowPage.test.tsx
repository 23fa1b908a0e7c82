// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { I18nProvider } from '../i18n/I18n';
import { SessionProvider } from '../session';
import { StartWorkflowPage } from './StartWorkflowPage';

const ask: WorkflowDefinition = {
  id: 'ask-building', displayName: { 'zh-CN': '楼栋征询' },
  inputs: [
    { name: 'communityId', type: 'text' },
    { name: 'building', type: 'text', required: true, picker: 'buildingGroup', displayName: { 'zh-CN': '楼栋' } },
    { name: 'remindEvery', type: 'duration', default: '24h', displayName: { 'zh-CN': '提醒间隔' } },
  ],
  activities: [{ id: 'start', type: 'Start' }], connections: [],
};
const anchored: WorkflowDefinition = {
  id: 'fanshi-youjiqing', inputs: [{ name: 'complaintId', type: 'text', required: true }], activities: [{ id: 'start', type: 'Start' }], connections: [],
};

let posted: { url: string; body: unknown }[] = [];
let refuse = false;

function json(value: unknown, status = 200) { return Promise.resolve(new Response(JSON.stringify(value), { status })); }

beforeEach(() => {
  posted = [];
  refuse = false;
  window.history.replaceState(null, '', '/start');
  vi.stubGlobal('fetch', vi.fn((url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json({ email: 'li@x', displayName: '李主任', roles: ['CommitteeStaff'], communities: [{ id: 'c1', name: '大龙社区' }] });
    if (url === '/api/antiforgery') return json({ token: 't' });
    if (url === '/api/workflows') {
      return json([ask, anchored].map((d) => ({ definitionId: d.id, version: 1, isPublished: true, displayName: d.displayName?.['zh-CN'] ?? d.id, ownerCommunityId: 'c1' })));
    }
    if (url.startsWith('/api/workflows/')) {
      const definition = url.includes('ask-building') ? ask : anchored;
      return json({ version: { definitionId: definition.id, version: 1, isPublished: true }, definition });
    }
    if (url.endsWith('/building-groups')) return json([{ id: 'b1', communityId: 'c1', precinctId: null, name: '1栋' }]);
    if (url === '/api/instances' && init?.method === 'POST') {
      posted.push({ url, body: JSON.parse(init.body as string) });
      return refuse
        ? json({ title: '流程参数有误', code: 'invalid-input', errors: { building: ['请从列表中选择（应为编号）。'] } }, 400)
        : json({ instanceId: 'i1', definitionId: 'ask-building', definitionVersion: 1, status: 'Suspended', correlationId: null, waiting: [] }, 201);
    }
    return json({}, 404);
  }));
});

afterEach(() => { cleanup(); vi.unstubAllGlobals(); localStorage.clear(); });

function renderPage() {
  render(<I18nProvider><SessionProvider><StartWorkflowPage /></SessionProvider></I18nProvider>);
}

describe('StartWorkflowPage', () => {
  it('checks a required field first, then starts the chosen workflow in the community and opens its instance', async () => {
    renderPage();
    const workflow = await screen.findByLabelText('选择流程 *');
    await waitFor(() => expect((workflow as HTMLSelectElement).options.length).toBe(3));
    fireEvent.change(workflow, { target: { value: 'ask-building' } });
    const building = await screen.findByLabelText('楼栋 *');
    await screen.findByRole('option', { name: '1栋' });
    fireEvent.click(screen.getByRole('button', { name: '启动' }));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(posted).toEqual([]);

    fireEvent.change(building, { target: { value: 'b1' } });
    await waitFor(() => expect(screen.queryByText('此项为必填项')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '启动' }));
    await waitFor(() => expect(window.location.pathname).toBe('/instances/i1'));
    expect(posted[0]!.body).toEqual({ definitionId: 'ask-building', version: 1, communityId: 'c1', input: { building: 'b1', remindEvery: '24h', communityId: 'c1' } });
  });

  it('shows the server\'s refusal at the field and stays', async () => {
    refuse = true;
    window.history.replaceState(null, '', '/start?workflow=ask-building');
    renderPage();
    const building = await screen.findByLabelText('楼栋 *');
    await screen.findByRole('option', { name: '1栋' });
    fireEvent.change(building, { target: { value: 'b1' } });
    fireEvent.click(screen.getByRole('button', { name: '启动' }));
    expect(await screen.findByText('请从列表中选择（应为编号）。')).toBeTruthy();
    expect(screen.getByTestId('start-message').textContent).toContain('流程参数有误');
    expect(window.location.pathname).toBe('/start');
  });

  it('sends a workflow that needs an anchored complaint to 发起议事', async () => {
    window.history.replaceState(null, '', '/start?workflow=fanshi-youjiqing');
    renderPage();
    expect((await screen.findByTestId('start-needs-complaint')).textContent).toContain('发起议事');
    expect(screen.getByRole('button', { name: '启动' })).toHaveProperty('disabled', true);
  });
});
