import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import {
  addInput, addVariable, definitionFieldProblems, optionsText, parseOptions, removeInput, removeVariable, typedDefault, updateInput, updateVariable,
  variableDefault,
} from './definitionFields';

const empty: WorkflowDefinition = { id: 'sifang', activities: [{ id: 'start', type: 'Start' }], connections: [] };

describe('definition fields', () => {
  it('adds inputs and variables with fresh names and removes them again', () => {
    let doc = addInput(addInput(empty));
    expect(doc.inputs!.map((i) => i.name)).toEqual(['input1', 'input2']);
    doc = removeInput(doc, 0);
    doc = addInput(doc);
    expect(doc.inputs!.map((i) => i.name)).toEqual(['input2', 'input1']);
    doc = addVariable(addVariable(doc));
    expect(doc.variables).toEqual([{ name: 'variable1', default: null }, { name: 'variable2', default: null }]);
    expect(removeVariable(doc, 1).variables).toEqual([{ name: 'variable1', default: null }]);
    expect(updateVariable(doc, 0, { name: 'round', default: 1 }).variables![0]).toEqual({ name: 'round', default: 1 });
  });

  it('drops options and the default when an input stops being text', () => {
    const doc = updateInput(addInput(empty), 0, { options: [{ value: 'a' }], default: 'a' });
    const changed = updateInput(doc, 0, { type: 'number' });
    expect(changed.inputs![0]).toEqual({ name: 'input1', type: 'number', required: false });
  });

  it('drops the options when a picker is chosen, and the picker when the input becomes a number', () => {
    const doc = updateInput(addInput(empty), 0, { options: [{ value: 'a' }] });
    const picked = updateInput(doc, 0, { picker: 'buildingGroup' });
    expect(picked.inputs![0]).toEqual({ name: 'input1', type: 'text', required: false, picker: 'buildingGroup' });
    expect(updateInput(picked, 0, { type: 'json' }).inputs![0]!.picker).toBe('buildingGroup');
    expect(updateInput(picked, 0, { type: 'number' }).inputs![0]).toEqual({ name: 'input1', type: 'number', required: false });
  });

  it('removing an input takes its value out of the schedule', () => {
    const doc: WorkflowDefinition = { ...empty, inputs: [{ name: 'topic', type: 'text' }], schedule: { cron: '0 9 1 * *', input: { topic: 'x' } } };
    expect(removeInput(doc, 0).schedule).toEqual({ cron: '0 9 1 * *', input: null });
  });

  it('reads typed defaults as their type and leaves what does not read to the server', () => {
    expect(typedDefault('number', '3')).toBe(3);
    expect(typedDefault('number', 'three')).toBe('three');
    expect(typedDefault('boolean', 'true')).toBe(true);
    expect(typedDefault('json', '{"a":1}')).toEqual({ a: 1 });
    expect(typedDefault('duration', '72h')).toBe('72h');
    expect(typedDefault('text', '  ')).toBeUndefined();
    expect(variableDefault('1')).toBe(1);
    expect(variableDefault('')).toBeNull();
    expect(variableDefault('[]')).toEqual([]);
    expect(variableDefault('第一轮')).toBe('第一轮');
  });

  it('reads options one per line with an optional Chinese name, and writes them back the same way', () => {
    const options = parseOptions('2h=紧急\n\n24h\n 7d = 一般 ');
    expect(options).toEqual([{ value: '2h', displayName: { 'zh-CN': '紧急' } }, { value: '24h' }, { value: '7d', displayName: { 'zh-CN': '一般' } }]);
    expect(optionsText(options)).toBe('2h=紧急\n24h\n7d=一般');
    expect(parseOptions(' \n')).toBeUndefined();
  });

  it('keeps the problems of inputs and variables only', () => {
    const p = (path: string) => ({ path, code: 'invalid-name', message: '', activityId: null, input: null });
    expect(definitionFieldProblems([p('inputs[0].name'), p('activities[a].type'), p('variables[1].name'), p('schedule.cron')]).map((x) => x.path))
      .toEqual(['inputs[0].name', 'variables[1].name']);
  });
});
