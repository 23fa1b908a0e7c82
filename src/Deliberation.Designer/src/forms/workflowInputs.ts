import type { WorkflowInput } from '../api/types';
import type { StringKey } from '../i18n/zh-CN';

/** Inputs the anchor request fills in itself (see ComplaintsApi.AnchorAsync). */
export const anchorFilled = new Set(['caseNumber', 'complaintId', 'title', 'categoryCode', 'communityId']);

const durationPattern = /^(\d+(\.\d+)?\s*(s|m|h|d|w)|P(?!$)(\d+[YMWD])*(T(?=\d)(\d+[HMS])*)?|\d+(\.\d{2}:\d{2}:\d{2}|:\d{2}:\d{2})(\.\d+)?)$/i;

/** The text a field starts with: the declared default, as text. */
export function initialText(input: WorkflowInput): string {
  if (input.default === undefined || input.default === null) return input.type === 'boolean' ? 'false' : '';
  return typeof input.default === 'string' ? input.default : JSON.stringify(input.default);
}

/** Checks one field; returns the message key of what is wrong, or null. */
export function validateField(input: WorkflowInput, text: string): StringKey | null {
  const value = text.trim();
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
  switch (input.type) {
    case 'number': return Number(value);
    case 'boolean': return value === 'true';
    case 'json': return JSON.parse(value) as unknown;
    default: return value;
  }
}

/** Validates every shown field and builds the input object; errors by input name. */
export function buildInput(inputs: WorkflowInput[], texts: Record<string, string>): { input: Record<string, unknown>; errors: Record<string, StringKey> } {
  const input: Record<string, unknown> = {};
  const errors: Record<string, StringKey> = {};
  for (const field of inputs) {
    if (anchorFilled.has(field.name)) continue;
    const text = texts[field.name] ?? initialText(field);
    const error = validateField(field, text);
    if (error) { errors[field.name] = error; continue; }
    const value = fieldValue(field, text);
    if (value !== undefined) input[field.name] = value;
  }
  return { input, errors };
}
