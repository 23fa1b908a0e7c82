import { describe, expect, it } from 'vitest';
import type { WorkflowInput } from '../api/types';
import { buildInput, needsComplaint, pickedIds, pickedText, startFilled, validateField } from './workflowInputs';

const inputs: WorkflowInput[] = [
  { name: 'caseNumber', type: 'text', required: true },
  { name: 'nominationWindow', type: 'duration', default: '3d' },
  { name: 'seats', type: 'number', default: 1 },
  { name: 'topic', type: 'text', required: true },
  { name: 'extra', type: 'json' },
];

describe('workflow input form', () => {
  it('skips the inputs the anchor fills in and types the rest', () => {
    const { input, errors } = buildInput(inputs, { topic: '电梯', seats: '2', extra: '{"a":1}' });
    expect(errors).toEqual({});
    expect(input).toEqual({ topic: '电梯', nominationWindow: '3d', seats: 2, extra: { a: 1 } });
  });

  it('reports each invalid field by name', () => {
    const { errors } = buildInput(inputs, { topic: '', seats: 'two', nominationWindow: 'soon', extra: '{' });
    expect(errors).toEqual({ topic: 'required', seats: 'mustBeNumber', nominationWindow: 'mustBeDuration', extra: 'mustBeJson' });
  });

  it('accepts the duration forms the engine accepts', () => {
    for (const text of ['90s', '30m', '24h', '2d', '1w', 'PT24H', 'P1D', '1.00:00:00']) {
      expect(validateField({ name: 'd', type: 'duration' }, text)).toBeNull();
    }
  });

  it('takes only a listed option when the input has options', () => {
    const tieRule: WorkflowInput = { name: 'tieRule', type: 'text', default: 'lots', options: [{ value: 'lots' }, { value: 'staff' }] };
    expect(validateField(tieRule, 'staff')).toBeNull();
    expect(validateField(tieRule, 'coin')).toBe('mustBeOption');
    expect(buildInput([tieRule], {}).input).toEqual({ tieRule: 'lots' });
  });

  it('keeps picked ids as a list, and an empty list is no value', () => {
    const people: WorkflowInput = { name: 'people', type: 'json', required: true, picker: 'person' };
    expect(pickedIds(pickedText(['a', 'b']))).toEqual(['a', 'b']);
    expect(pickedText([])).toBe('');
    expect(validateField(people, '[]')).toBe('required');
    expect(buildInput([people], { people: '["p1"]' }).input).toEqual({ people: ['p1'] });
  });

  it('on the start page fills only the community, so a complaint id is a field like any other', () => {
    const optional: WorkflowInput[] = [{ name: 'communityId', type: 'text' }, { name: 'complaintId', type: 'text' }, { name: 'subject', type: 'text', required: true }];
    expect(buildInput(optional, { complaintId: 'x', subject: '路灯不亮', communityId: 'ignored' }, startFilled).input).toEqual({ complaintId: 'x', subject: '路灯不亮' });
    expect(needsComplaint(optional)).toBe(false);
    expect(needsComplaint(inputs)).toBe(true);
  });
});
