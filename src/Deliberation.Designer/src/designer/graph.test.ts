import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor, WorkflowDefinition } from '../api/types';
import { addActivity, autoLayout, connect, edgeId, hasLayout, moveActivities, outcomesOf, parseDefinition, removeElements, setInput } from './graph';

const delay: ActivityDescriptor = {
  type: 'Delay', version: 1, displayName: { 'zh-CN': '等待一段时间', en: 'Delay' }, category: { 'zh-CN': '时间', en: 'Time' },
  inputs: [{ name: 'duration', type: 'Duration', displayName: { 'zh-CN': '时长', en: 'Duration' }, required: true, uiHint: 'Duration', description: null, options: null, default: null, syntaxes: null }],
  outcomes: ['Done'], description: null, dynamicOutcomesInput: null, waits: true,
};
const fork: ActivityDescriptor = { ...delay, type: 'Fork', outcomes: [], dynamicOutcomesInput: 'branches' };

const doc = (): WorkflowDefinition => ({
  id: 'w', activities: [{ id: 'start', type: 'Start', metadata: { designer: { position: { x: 0, y: 0 } } } }], connections: [],
});

describe('graph', () => {
  it('adds an activity with a fresh id and its position', () => {
    const first = addActivity(doc(), delay, { x: 10.4, y: 20.6 });
    const second = addActivity(first.doc, delay, { x: 0, y: 0 });
    expect(first.id).toBe('delay1');
    expect(second.id).toBe('delay2');
    expect(first.doc.activities[1]!.metadata!.designer!.position).toEqual({ x: 10, y: 21 });
  });

  it('connects once per port and target, and deleting an activity removes its connections', () => {
    const { doc: d, id } = addActivity(doc(), delay, { x: 0, y: 100 });
    const connected = connect(connect(d, 'start', 'Done', id), 'start', 'Done', id);
    expect(connected.connections).toHaveLength(1);
    expect(removeElements(connected, [id], []).connections).toHaveLength(0);
    expect(removeElements(connected, [], [edgeId(connected.connections[0]!)]).activities).toHaveLength(2);
  });

  it('sets and clears an input without touching other activities', () => {
    const { doc: d, id } = addActivity(doc(), delay, { x: 0, y: 0 });
    const set = setInput(d, id, 'duration', { type: 'literal', value: '2h' });
    expect(set.activities[1]!.inputs).toEqual({ duration: { type: 'literal', value: '2h' } });
    expect(set.activities[0]).toBe(d.activities[0]);
    expect(setInput(set, id, 'duration', undefined).activities[1]!.inputs).toEqual({});
  });

  it('reads dynamic outcome ports from the listed input', () => {
    expect(outcomesOf({ id: 'f', type: 'Fork', inputs: { branches: { type: 'literal', value: ['answer', 'remind'] } } }, fork)).toEqual(['remind', 'answer']);
  });

  it('lays out every activity below its predecessor', () => {
    const a = addActivity({ id: 'w', activities: [{ id: 'start', type: 'Start' }], connections: [] }, delay, { x: 0, y: 0 });
    const laid = autoLayout(connect(a.doc, 'start', 'Done', a.id));
    expect(hasLayout(laid)).toBe(true);
    const y = (id: string) => laid.activities.find((x) => x.id === id)!.metadata!.designer!.position!.y;
    expect(y(a.id)).toBeGreaterThan(y('start'));
  });

  it('moves only the given activities', () => {
    const moved = moveActivities(doc(), new Map([['start', { x: 5, y: 6 }]]));
    expect(moved.activities[0]!.metadata!.designer!.position).toEqual({ x: 5, y: 6 });
  });

  it('refuses to import what is not a definition', () => {
    expect(() => parseDefinition('{"hello":1}')).toThrow();
    expect(parseDefinition('{"id":"x","activities":[]}').connections).toEqual([]);
  });
});
