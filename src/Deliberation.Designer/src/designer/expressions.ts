import type { Expression, InputDescriptor } from '../api/types';

type Syntax = Expression['type'];

/** The expression kinds an input accepts (all three unless the descriptor limits them). */
export function syntaxesOf(input: InputDescriptor): Syntax[] {
  const all: Syntax[] = ['literal', 'variable', 'scriban'];
  return input.syntaxes ? all.filter((s) => input.syntaxes!.includes(s)) : all;
}

/** Whether a literal of this input is typed JSON (numbers, booleans, arrays, objects) rather than text. */
function literalIsJson(input: InputDescriptor): boolean {
  return input.type === 'Number' || input.type === 'Boolean' || input.type === 'Json' || input.uiHint === 'PortList';
}

/** The text an editor shows for an expression. */
export function expressionText(input: InputDescriptor, value: Expression | undefined): string {
  if (!value) return '';
  if (value.type !== 'literal') return typeof value.value === 'string' ? value.value : JSON.stringify(value.value);
  if (typeof value.value === 'string' && !literalIsJson(input)) return value.value;
  return value.value === undefined ? '' : JSON.stringify(value.value);
}

/** Reads an editor's text back into an expression; empty text removes the input. */
export function parseExpression(input: InputDescriptor, kind: Syntax, text: string): { ok: true; expression: Expression | undefined } | { ok: false } {
  if (text.trim() === '') return { ok: true, expression: undefined };
  if (kind !== 'literal') return { ok: true, expression: { type: kind, value: text } };
  if (!literalIsJson(input)) return { ok: true, expression: { type: 'literal', value: text } };
  try {
    return { ok: true, expression: { type: 'literal', value: JSON.parse(text) as unknown } };
  } catch {
    // A port list may be typed as plain names separated by commas.
    if (input.uiHint === 'PortList') return { ok: true, expression: { type: 'literal', value: text.split(/[,,\s]+/).filter(Boolean) } };
    return { ok: false };
  }
}
