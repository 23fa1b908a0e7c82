import { useEffect, useState } from 'react';
import type { Expression, InputDescriptor, WorkflowDefinition } from '../api/types';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { loadLaunchable } from '../launchable';
import { AudienceTargetsEditor, audienceIsPicked } from './AudienceTargetsEditor';
import { expressionText, parseExpression, syntaxesOf } from './expressions';

/** A problem the server reported for an input (or, with no input, for the activity). */
export interface FieldProblem { input: string | null; message: string }

/** One input of the selected activity: the expression kind and an editor chosen by the descriptor's UI hint; problems at the field. */
export function InputEditor({ doc, input, value, problems, onChange, audienceKind = '' }: {
  doc: WorkflowDefinition; input: InputDescriptor; value: Expression | undefined; problems: FieldProblem[]; onChange: (e: Expression | undefined) => void;
  /** For an audience's targets: the kind the activity's audience input names (its targets are then picked from a list). */
  audienceKind?: string;
}) {
  const { t, pick } = useI18n();
  const syntaxes = syntaxesOf(input);
  // The kind chosen for a field still empty: an empty field stores nothing, so the choice lives here until a value is given.
  const [chosenKind, setChosenKind] = useState<Expression['type']>();
  const kind = value?.type ?? chosenKind ?? syntaxes[0] ?? 'literal';
  const [text, setText] = useState(() => expressionText(input, value));
  const [localError, setLocalError] = useState('');
  // Undo, redo and reloads change the value underneath the editor.
  useEffect(() => { setText(expressionText(input, value)); setLocalError(''); }, [input, value]);

  const id = `prop-${input.name}`;
  const errorId = `${id}-error`;
  const messages = [...problems.map((p) => p.message), ...(localError ? [localError] : [])];
  const commit = (nextKind: Expression['type'], nextText: string) => {
    setText(nextText);
    const parsed = parseExpression(input, nextKind, nextText);
    if (parsed.ok) { setLocalError(''); onChange(parsed.expression); } else setLocalError(t('mustBeJson'));
  };
  const label = `${pick(input.displayName) || input.name}${input.required ? ' *' : ''}`;
  const common = {
    id, 'aria-invalid': messages.length > 0, 'aria-describedby': [messages.length ? errorId : '', input.description ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined,
  };

  // What an input left empty means: its default, shown (not stored) so that nobody mistakes an empty field for "none".
  const optionText = (option: string) => {
    const i = input.options?.indexOf(option) ?? -1;
    return (i >= 0 ? pick(input.optionLabels?.[i]) : '') || option;
  };
  const defaultText = input.default == null || input.default === '' ? ''
    : input.uiHint === 'Dropdown' ? optionText(String(input.default)) : typeof input.default === 'string' ? input.default : JSON.stringify(input.default);

  let editor;
  if (kind === 'literal' && input.uiHint === 'Checkbox') {
    const checked = value === undefined ? input.default === true : value.value === true;
    editor = <input type="checkbox" {...common} checked={checked} onChange={(e) => onChange({ type: 'literal', value: e.target.checked })} />;
  } else if (kind === 'literal' && input.uiHint === 'Dropdown' && input.options) {
    editor = (
      <select {...common} value={text} onChange={(e) => commit('literal', e.target.value)}>
        <option value="">{defaultText ? t('defaultOption', { value: defaultText }) : '—'}</option>
        {input.options.map((o) => <option key={o} value={o}>{optionText(o)}</option>)}
      </select>
    );
  } else if (kind === 'literal' && input.uiHint === 'AudiencePicker' && audienceIsPicked(audienceKind)) {
    editor = <AudienceTargetsEditor id={id} label={label} kind={audienceKind} value={text} invalid={messages.length > 0} describedBy={common['aria-describedby']}
      onChange={(next) => commit('literal', next)} />;
  } else if (kind === 'literal' && input.uiHint === 'WorkflowPicker') {
    editor = <WorkflowSelect common={common} value={text} exclude={doc.id} onChange={(id) => commit('literal', id)} />;
  } else if (kind === 'variable' || (kind === 'literal' && input.uiHint === 'VariablePicker')) {
    // A workflow input shows with its Chinese name (楼栋（building）): staff named it so in the workflow's inputs.
    const choices = [...(doc.variables ?? []).map((v) => ({ name: v.name, label: v.name })),
      ...(doc.inputs ?? []).map((i) => ({ name: i.name, label: pick(i.displayName) ? `${pick(i.displayName)}（${i.name}）` : i.name }))];
    const names = choices.map((c) => c.name);
    editor = (
      <select {...common} value={text} onChange={(e) => commit(kind, e.target.value)}>
        <option value="">—</option>
        {choices.map((c) => <option key={c.name} value={c.name}>{c.label}</option>)}
        {text && !names.includes(text) ? <option value={text}>{text}</option> : null}
      </select>
    );
  } else if (['MultiLine', 'Code', 'Json', 'PortList', 'AudiencePicker'].includes(input.uiHint) || kind === 'scriban') {
    editor = <textarea {...common} rows={input.uiHint === 'MultiLine' || input.uiHint === 'Json' ? 4 : 2} className={kind === 'scriban' || input.uiHint === 'Code' ? 'code' : ''}
      value={text} onChange={(e) => commit(kind, e.target.value)} spellCheck={false} />;
  } else {
    editor = <input {...common} value={text} placeholder={defaultText || (input.uiHint === 'Duration' ? '24h' : input.uiHint === 'DateTime' ? '2026-12-01T18:00:00+08:00' : '')}
      onChange={(e) => commit(kind, e.target.value)} />;
  }

  return (
    <div className={`field${messages.length ? ' invalid' : ''}`} data-input={input.name}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {syntaxes.length > 1 ? (
          <select aria-label={`${label} · ${t('expressionType')}`} value={kind} className="syntax" onChange={(e) => { setChosenKind(e.target.value as Expression['type']); commit(e.target.value as Expression['type'], text); }}>
            {syntaxes.map((s) => <option key={s} value={s}>{t(s)}</option>)}
          </select>
        ) : null}
      </div>
      {editor}
      {input.description ? <p className="help" id={`${id}-help`}>{pick(input.description)}</p> : null}
      {messages.length ? <p className="field-error" id={errorId} role="alert">{messages.join(' ')}</p> : null}
    </div>
  );
}

/** The published workflows to run as a child (RunWorkflow), this one left out; a saved id no longer listed stays shown. */
function WorkflowSelect({ common, value, exclude, onChange }: {
  common: Record<string, unknown>; value: string; exclude: string; onChange: (definitionId: string) => void;
}) {
  const workflows = useLoad(loadLaunchable, []);
  const listed = (workflows.data ?? []).filter((w) => w.definitionId !== exclude);
  return (
    <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {listed.map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}（{w.definitionId}）</option>)}
      {value && !listed.some((w) => w.definitionId === value) ? <option value={value}>{value}</option> : null}
    </select>
  );
}
