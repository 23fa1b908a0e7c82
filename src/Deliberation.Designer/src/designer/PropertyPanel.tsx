import type { ReactNode } from 'react';
import type { ActivityDescriptor, ActivityNodeDef, Expression, WorkflowDefinition } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { ConnectionsEditor } from './ConnectionsEditor';
import { InputEditor, type FieldProblem } from './InputEditor';

export type { FieldProblem } from './InputEditor';

interface Props {
  doc: WorkflowDefinition;
  activity: ActivityNodeDef | undefined;
  descriptor: ActivityDescriptor | undefined;
  problems: FieldProblem[];
  onInput: (name: string, expression: Expression | undefined) => void;
  onLabel: (label: string) => void;
  onConnect: (port: string, target: string) => void;
  onDisconnect: (port: string, target: string) => void;
  /** The workflow's own properties (its schedule), shown while no activity is selected. */
  workflow?: ReactNode;
}

/** The selected activity's label and inputs, one editor per input descriptor and UI hint; server problems at their field. */
export function PropertyPanel({ doc, activity, descriptor, problems, onInput, onLabel, onConnect, onDisconnect, workflow }: Props) {
  const { t, pick } = useI18n();
  if (!activity) {
    return (
      <aside className="properties" aria-labelledby="properties-title">
        <h2 id="properties-title">{workflow ? t('workflowProperties') : t('properties')}</h2>
        <p className="muted">{t('selectNode')}</p>
        {workflow}
      </aside>
    );
  }
  const general = problems.filter((p) => !p.input);
  // An audience's targets are picked by the kind its audience input names (a literal, or else the input's default).
  const audience = activity.inputs?.audience;
  const audienceKind = audience?.type === 'literal' && typeof audience.value === 'string' ? audience.value
    : audience ? '' : String(descriptor?.inputs.find((i) => i.name === 'audience')?.default ?? '');
  return (
    <aside className="properties" aria-labelledby="properties-title" data-activity={activity.id}>
      <h2 id="properties-title">{t('properties')} · {descriptor ? pick(descriptor.displayName) : activity.type}</h2>
      <p className="muted">{t('activityId')}: <code>{activity.id}</code></p>
      <label htmlFor="prop-label">{t('label')}</label>
      <input id="prop-label" value={activity.label ?? ''} onChange={(e) => onLabel(e.target.value)} />
      {general.map((p, i) => <p key={i} className="field-error" role="alert">{p.message}</p>)}
      {(descriptor?.inputs ?? []).map((input) => (
        <InputEditor key={`${activity.id}:${input.name}`} doc={doc} input={input} value={activity.inputs?.[input.name]}
          problems={problems.filter((p) => p.input === input.name)} onChange={(e) => onInput(input.name, e)} audienceKind={audienceKind} />
      ))}
      <ConnectionsEditor doc={doc} activity={activity} descriptor={descriptor} onConnect={onConnect} onDisconnect={onDisconnect} />
    </aside>
  );
}
