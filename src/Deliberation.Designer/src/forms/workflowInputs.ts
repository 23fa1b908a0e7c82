import type { WorkflowInput } from '../api/types';
import type { StringKey } from '../i18n/zh-CN';

/** Inputs the anchor request fills in itself (see ComplaintsApi.AnchorAsync). */
export const anchorFilled = new Set(['caseNumber', 'complaintId', 'title', 'categoryCode', 'communityId']);

/** Inputs the start page fills in itself: the community staff work in. */
export const startFilled = new Set(['communityId']);

/** Whether a workflow must be launched by anchoring a complaint (it requires what the anchor fills in), not started bare. */
export function needsComplaint(inputs: WorkflowInput[]): boolean {
  return inputs.some((i) => i.required && i.default == null && anchorFilled.has(i.name) && !startFilled.has(i.name));
}

/** The ids a picker's list field holds (its text is a JSON array of ids; blank is none). */
export function pickedIds(text: string): string[] {
  if (text.trim() === '') return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The text of a picker's list field: the ids as a JSON array, blank for none (so that a required list is checked as empty). */
export function pickedText(ids: string[]): string {
  return ids.length > 0 ? JSON.stringify(ids) : '';
}

const durationPattern = /^(\d+(\.\d+)?\s*(s|m|h|d|w)|P(?!$)(\d+[YMWD])*(T(?=\d)(\d+[HMS])*)?|\d+(\.\d{2}:\d{2}:\d{2}|:\d{2}:\d{2})(\.\d+)?)$/i;

/** The text a field starts with: the declared default, as text. */
export function initialText(input: WorkflowInput): string {
  if (input.default === undefined || input.default === null) return input.type === 'boolean' ? 'false' : '';
  return typeof input.default === 'string' ? input.default : JSON.stringify(input.default);
}

/** Checks one field; returns the message key of what is wrong, or null. */
export function validateField(input: WorkflowInput, text: string): StringKey | null {
  // An empty list of picked ids is no value at all.
  const value = input.picker && input.type === 'json' && pickedIds(text).length === 0 ? '' : text.trim();
  if (value === '') return input.required && input.default == null ? 'required' : null;
  if (input.options?.length && !input.options.some((o) => o.value === value)) return 'mustBeOption';
  switch (input.type) {
    case 'number': return Number.isFinite(Number(value)) ? null : 'mustBeNumber';
    case 'duration': return durationPattern.test(value) ? null : 'mustBeDuration';
    case 'json':
      try { JSON.parse(value); return null; } catch { return 'mustBeJson'; }
    default: return null;
  }
}

/** The typed value of a field, or undefined when empty (the default then applies on the server). */
export function fieldValue(input: WorkflowInput, text: string): unknown {
  const value = text.trim();
  if (value === '') return undefined;
  if (input.picker && input.type === 'json') return pickedIds(value);
  switch (input.type) {
    case 'number': return Number(value);
    case 'boolean': return value === 'true';
    case 'json': return JSON.parse(value) as unknown;
    default: return value;
  }
}

/** Validates every shown field and builds the input object; errors by input name. The inputs in <c>filled</c> are left to the page. */
export function buildInput(inputs: WorkflowInput[], texts: Record<string, string>, filled: Set<string> = anchorFilled): {
  input: Record<string, unknown>; errors: Record<string, StringKey>;
} {
  const input: Record<string, unknown> = {};
  const errors: Record<string, StringKey> = {};
  for (const field of inputs) {
    if (filled.has(field.name)) continue;
    const text = texts[field.name] ?? initialText(field);
    const error = validateField(field, text);
    if (error) { errors[field.name] = error; continue; }
    const value = fieldValue(field, text);
    if (value !== undefined) input[field.name] = value;
  }
  return { input, errors };
}
