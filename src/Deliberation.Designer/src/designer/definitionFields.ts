import type { DefinitionProblem, WorkflowDefinition, WorkflowInput, WorkflowInputOption } from '../api/types';

/** The types a workflow input may have (the launch form shows a control for each). */
export const inputTypes = ['text', 'number', 'boolean', 'duration', 'dateTime', 'json'] as const;

/** What a text or json input's value may be chosen from at launch ('' for typed in). */
export const inputPickers = ['', 'person', 'organisation', 'buildingGroup'] as const;

/** A workflow variable as the definition holds it. */
export interface WorkflowVariable { name: string; default?: unknown }

function unusedName(taken: string[], stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}`;
    if (!taken.includes(name)) return name;
  }
}

/** Adds a text input with a fresh name (input1, input2…). */
export function addInput(doc: WorkflowDefinition): WorkflowDefinition {
  const inputs = doc.inputs ?? [];
  return { ...doc, inputs: [...inputs, { name: unusedName(inputs.map((i) => i.name), 'input'), type: 'text', required: false }] };
}

/**
 * Changes one input. Changing the type away from text drops its options (only a text input lists them) and a default
 * that no longer reads as the new type; away from text and json, its picker. Choosing a picker drops the options (a
 * picked value is an id, not one of them).
 */
export function updateInput(doc: WorkflowDefinition, index: number, change: Partial<WorkflowInput>): WorkflowDefinition {
  const inputs = [...(doc.inputs ?? [])];
  const current = inputs[index];
  if (!current) return doc;
  let next: WorkflowInput = { ...current, ...change };
  if (change.type && change.type !== current.type) {
    next = { ...next, options: change.type === 'text' ? next.options : undefined, default: undefined };
    if (change.type !== 'text' && change.type !== 'json') next = { ...next, picker: undefined };
  }
  if (change.picker) next = { ...next, options: undefined };
  for (const key of Object.keys(next) as (keyof WorkflowInput)[]) if (next[key] === undefined) delete next[key];
  inputs[index] = next;
  return { ...doc, inputs };
}

/** Removes one input (and its value from the schedule's inputs, if any). */
export function removeInput(doc: WorkflowDefinition, index: number): WorkflowDefinition {
  const removed = doc.inputs?.[index];
  const inputs = (doc.inputs ?? []).filter((_, i) => i !== index);
  if (!removed || !doc.schedule?.input || !(removed.name in doc.schedule.input)) return { ...doc, inputs };
  const { [removed.name]: _, ...rest } = doc.schedule.input;
  return { ...doc, inputs, schedule: { ...doc.schedule, input: Object.keys(rest).length > 0 ? rest : null } };
}

/** Adds a variable with a fresh name (variable1…), null by default. */
export function addVariable(doc: WorkflowDefinition): WorkflowDefinition {
  const variables = doc.variables ?? [];
  return { ...doc, variables: [...variables, { name: unusedName(variables.map((v) => v.name), 'variable'), default: null }] };
}

/** Changes one variable. */
export function updateVariable(doc: WorkflowDefinition, index: number, change: Partial<WorkflowVariable>): WorkflowDefinition {
  const variables = [...(doc.variables ?? [])];
  const current = variables[index];
  if (!current) return doc;
  variables[index] = { ...current, ...change };
  return { ...doc, variables };
}

/** Removes one variable. */
export function removeVariable(doc: WorkflowDefinition, index: number): WorkflowDefinition {
  return { ...doc, variables: (doc.variables ?? []).filter((_, i) => i !== index) };
}

/**
 * The value a typed default stands for: a number input's "3" is 3, a boolean's "true" is true, a json input's text is
 * parsed when it can be; blank is no default. Anything else stays text, which the server then checks.
 */
export function typedDefault(type: string, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (type === 'number' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (type === 'json') {
    try { return JSON.parse(trimmed); } catch { return text; }
  }
  return text;
}

/** A variable's default as typed: a number, true/false, null, or JSON ({…} or […]) become those; other text stays text. */
export function variableDefault(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'null') return null;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (/^[[{]/.test(trimmed)) {
    try { return JSON.parse(trimmed); } catch { return text; }
  }
  return text;
}

/** How a default shows in its text box: objects and arrays as JSON, nothing as blank. */
export function defaultText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A text input's options, one per line: "value" or "value=中文名称". Blank lines are skipped. */
export function parseOptions(text: string): WorkflowInputOption[] | undefined {
  const options = text.split('\n').map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const at = line.indexOf('=');
    if (at < 0) return { value: line };
    const value = line.slice(0, at).trim();
    const name = line.slice(at + 1).trim();
    return name ? { value, displayName: { 'zh-CN': name } } : { value };
  });
  return options.length > 0 ? options : undefined;
}

/** The options as the text box shows them, the inverse of parseOptions. */
export function optionsText(options: WorkflowInputOption[] | null | undefined): string {
  return (options ?? []).map((o) => (o.displayName?.['zh-CN'] ? `${o.value}=${o.displayName['zh-CN']}` : o.value)).join('\n');
}

/** The problems of the workflow's inputs and variables (paths inputs[i]… and variables[i]…). */
export function definitionFieldProblems(problems: DefinitionProblem[]): DefinitionProblem[] {
  return problems.filter((p) => p.path.startsWith('inputs[') || p.path.startsWith('variables['));
}
