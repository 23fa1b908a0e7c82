import { useEffect, useState } from 'react';
import type { ActivityDescriptor, ActivityNodeDef, Expression, InputDescriptor, WorkflowDefinition } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { expressionText, parseExpression, syntaxesOf } from './expressions';
import { outcomesOf } from './graph';

export interface FieldProblem { input: string | null; message: string }

interface Props {
  doc: WorkflowDefinition;
  activity: ActivityNodeDef | undefined;
  descriptor: ActivityDescriptor | undefined;
  problems: FieldProblem[];
  onInput: (name: string, expression: Expression | undefined) => void;
  onLabel: (label: string) => void;
  onConnect: (port: string, target: string) => void;
  onDisconnect: (port: string, target: string) => void;
}

/** The selected activity's label and inputs, one editor per input descriptor and UI hint; server problems at their field. */
export function PropertyPanel({ doc, activity, descriptor, problems, onInput, onLabel, onConnect, onDisconnect }: Props) {
  const { t, pick } = useI18n();
  if (!activity) {
    return <aside className="properties" aria-labelledby="properties-title"><h2 id="properties-title">{t('properties')}</h2><p className="muted">{t('selectNode')}</p></aside>;
  }
  const general = problems.filter((p) => !p.input);
  return (
    <aside className="properties" aria-labelledby="properties-title" data-activity={activity.id}>
      <h2 id="properties-title">{t('properties')} · {descriptor ? pick(descriptor.displayName) : activity.type}</h2>
      <p className="muted">{t('activityId')}: <code>{activity.id}</code></p>
      <label htmlFor="prop-label">{t('label')}</label>
      <input id="prop-label" value={activity.label ?? ''} onChange={(e) => onLabel(e.target.value)} />
      {general.map((p, i) => <p key={i} className="field-error" role="alert">{p.message}</p>)}
      {(descriptor?.inputs ?? []).map((input) => (
        <InputEditor key={`${activity.id}:${input.name}`} doc={doc} input={input} value={activity.inputs?.[input.name]}
          problems={problems.filter((p) => p.input === input.name)} onChange={(e) => onInput(input.name, e)} />
      ))}
      <Connections doc={doc} activity={activity} descriptor={descriptor} onConnect={onConnect} onDisconnect={onDisconnect} />
    </aside>
  );
}

function InputEditor({ doc, input, value, problems, onChange }: {
  doc: WorkflowDefinition; input: InputDescriptor; value: Expression | undefined; problems: FieldProblem[]; onChange: (e: Expression | undefined) => void;
}) {
  const { t, pick } = useI18n();
  const syntaxes = syntaxesOf(input);
  const kind = value?.type ?? syntaxes[0] ?? 'literal';
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

  let editor;
  if (kind === 'literal' && input.uiHint === 'Checkbox') {
    editor = <input type="checkbox" {...common} checked={value?.value === true} onChange={(e) => onChange({ type: 'literal', value: e.target.checked })} />;
  } else if (kind === 'literal' && input.uiHint === 'Dropdown' && input.options) {
    editor = (
      <select {...common} value={text} onChange={(e) => commit('literal', e.target.value)}>
        <option value="">—</option>
        {input.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  } else if (kind === 'variable' || (kind === 'literal' && input.uiHint === 'VariablePicker')) {
    const names = [...(doc.variables ?? []).map((v) => v.name), ...(doc.inputs ?? []).map((i) => i.name)];
    editor = (
      <select {...common} value={text} onChange={(e) => commit(kind, e.target.value)}>
        <option value="">—</option>
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
        {text && !names.includes(text) ? <option value={text}>{text}</option> : null}
      </select>
    );
  } else if (['MultiLine', 'Code', 'Json', 'PortList'].includes(input.uiHint) || kind === 'scriban') {
    editor = <textarea {...common} rows={input.uiHint === 'MultiLine' || input.uiHint === 'Json' ? 4 : 2} className={kind === 'scriban' || input.uiHint === 'Code' ? 'code' : ''}
      value={text} onChange={(e) => commit(kind, e.target.value)} spellCheck={false} />;
  } else {
    editor = <input {...common} value={text} placeholder={input.uiHint === 'Duration' ? '24h' : input.uiHint === 'DateTime' ? '2026-12-01T18:00:00+08:00' : ''}
      onChange={(e) => commit(kind, e.target.value)} />;
  }

  return (
    <div className={`field${messages.length ? ' invalid' : ''}`} data-input={input.name}>
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        {syntaxes.length > 1 ? (
          <select aria-label={`${label} · ${t('expressionType')}`} value={kind} className="syntax" onChange={(e) => commit(e.target.value as Expression['type'], text)}>
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

/** The activity's outgoing connections, editable without a mouse: pick a port and a target, or remove one. */
function Connections({ doc, activity, descriptor, onConnect, onDisconnect }: {
  doc: WorkflowDefinition; activity: ActivityNodeDef; descriptor: ActivityDescriptor | undefined;
  onConnect: (port: string, target: string) => void; onDisconnect: (port: string, target: string) => void;
}) {
  const { t } = useI18n();
  const ports = outcomesOf(activity, descriptor);
  const targets = doc.activities.filter((a) => a.id !== activity.id && a.type !== 'Start');
  const [port, setPort] = useState('');
  const [target, setTarget] = useState('');
  if (ports.length === 0) return null;
  const outgoing = doc.connections.filter((c) => c.source === activity.id);
  const name = (id: string) => { const a = doc.activities.find((x) => x.id === id); return a?.label ? `${a.label} (${id})` : id; };
  return (
    <section className="connections" aria-labelledby="connections-title">
      <h3 id="connections-title">{t('connections')}</h3>
      <ul className="plain">
        {outgoing.map((c) => (
          <li key={`${c.sourcePort}->${c.target}`} className="connection">
            <span>{c.sourcePort} → {name(c.target)}</span>
            <button type="button" className="link-button" onClick={() => onDisconnect(c.sourcePort, c.target)}
              aria-label={`${t('removeConnection')}: ${c.sourcePort} → ${name(c.target)}`}>{t('removeConnection')}</button>
          </li>
        ))}
      </ul>
      <label htmlFor="connect-port">{t('port')}</label>
      <select id="connect-port" value={port} onChange={(e) => setPort(e.target.value)}>
        <option value="">—</option>
        {ports.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      <label htmlFor="connect-target">{t('connectTo')}</label>
      <select id="connect-target" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">—</option>
        {targets.map((a) => <option key={a.id} value={a.id}>{name(a.id)}</option>)}
      </select>
      <button type="button" disabled={!port || !target} onClick={() => { onConnect(port, target); setTarget(''); }}>{t('addConnection')}</button>
    </section>
  );
}
