import type { DefinitionProblem, WorkflowDefinition, WorkflowInput } from '../api/types';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import {
  addInput, addVariable, defaultText, inputPickers, inputTypes, optionsText, parseOptions, removeInput, removeVariable, typedDefault, updateInput, updateVariable,
  variableDefault,
} from './definitionFields';

interface Props {
  doc: WorkflowDefinition;
  /** The server's problems at inputs[i]… and variables[i]…. */
  problems: DefinitionProblem[];
  readOnly: boolean;
  onChange: (change: (doc: WorkflowDefinition) => WorkflowDefinition, mergeKey: string | null) => void;
}

const problemKeys: Record<string, StringKey> = {
  'invalid-name': 'defInvalidName',
  'duplicate-name': 'defDuplicateName',
  'options-need-text': 'defOptionsNeedText',
  'invalid-options': 'defInvalidOptions',
  'duplicate-option': 'defDuplicateOption',
  'default-not-an-option': 'defDefaultNotAnOption',
  'picker-needs-text': 'defPickerNeedsText',
};

const pickerKeys: Record<(typeof inputPickers)[number], StringKey> = {
  '': 'defPickerNone', person: 'defPickerPerson', organisation: 'defPickerOrganisation', buildingGroup: 'defPickerBuildingGroup',
};

const typeKeys: Record<(typeof inputTypes)[number], StringKey> = {
  text: 'defTypeText', number: 'defTypeNumber', boolean: 'defTypeBoolean', duration: 'defTypeDuration', dateTime: 'defTypeDateTime', json: 'defTypeJson',
};

/**
 * The workflow's inputs (what a launch asks for, read as {{ input.name }}) and variables (what its activities write and
 * read, e.g. the round of a second vote) — so that a process is built in the designer without writing JSON.
 */
export function DefinitionPanel({ doc, problems, readOnly, onChange }: Props) {
  const { t } = useI18n();
  const text = (p: DefinitionProblem) => {
    const key = problemKeys[p.code];
    return key ? t(key) : p.message;
  };
  const at = (path: string) => problems.filter((p) => p.path === path).map(text).join(' ') || undefined;
  const inputs = doc.inputs ?? [];
  const variables = doc.variables ?? [];

  const localized = (key: 'displayName' | 'description', lang: 'zh-CN' | 'en', value: string) => (d: WorkflowDefinition): WorkflowDefinition => {
    const next = { ...d[key], [lang]: value };
    if (!value) delete next[lang];
    return { ...d, [key]: Object.keys(next).length > 0 ? next : undefined };
  };

  return (
    <>
    {/* The name staff know the process by: the launch page and the workflow list show it. */}
    <div className="definition-name" data-testid="definition-name">
      <Field id="def-workflow-zh" label={t('defWorkflowZhName')}>
        {(control) => <input {...control} value={doc.displayName?.['zh-CN'] ?? ''} readOnly={readOnly} placeholder={doc.id}
          onChange={(e) => onChange(localized('displayName', 'zh-CN', e.target.value), 'def-workflow-zh')} />}
      </Field>
      <Field id="def-workflow-en" label={t('defWorkflowEnName')}>
        {(control) => <input {...control} value={doc.displayName?.en ?? ''} readOnly={readOnly}
          onChange={(e) => onChange(localized('displayName', 'en', e.target.value), 'def-workflow-en')} />}
      </Field>
      <Field id="def-workflow-description" label={t('defWorkflowDescription')} help={t('defWorkflowDescriptionHelp')}>
        {(control) => <textarea {...control} rows={2} value={doc.description?.['zh-CN'] ?? ''} readOnly={readOnly}
          onChange={(e) => onChange(localized('description', 'zh-CN', e.target.value), 'def-workflow-description')} />}
      </Field>
    </div>
    {/* Folded by default: most edits are to activities; the fields open when a refusal points into them. */}
    <details className="definition-fields" data-testid="definition-fields" open={problems.length > 0 || undefined}>
      <summary>{t('defTitle')}{t('inParentheses', { text: t('defCounts', { inputs: inputs.length, variables: variables.length }) })}</summary>
      <h4>{t('defInputs')}</h4>
      <p className="help">{t('defInputsHelp')}</p>
      {inputs.length === 0 ? <p className="muted">{t('defNoInputs')}</p> : null}
      {inputs.map((input, i) => (
        <fieldset key={i} className="definition-input" data-input={input.name}>
          <legend>{input.displayName?.['zh-CN'] || <code>{input.name}</code>}</legend>
          <Field id={`def-input-${i}-name`} label={t('defName')} error={at(`inputs[${i}].name`)}>
            {(control) => <input {...control} value={input.name} readOnly={readOnly} spellCheck={false}
              onChange={(e) => onChange((d) => updateInput(d, i, { name: e.target.value }), `def-input-${i}-name`)} />}
          </Field>
          <Field id={`def-input-${i}-zh`} label={t('defZhName')}>
            {(control) => <input {...control} value={input.displayName?.['zh-CN'] ?? ''} readOnly={readOnly}
              onChange={(e) => onChange((d) => updateInput(d, i, { displayName: { ...input.displayName, 'zh-CN': e.target.value } }), `def-input-${i}-zh`)} />}
          </Field>
          <Field id={`def-input-${i}-en`} label={t('defEnName')}>
            {(control) => <input {...control} value={input.displayName?.en ?? ''} readOnly={readOnly}
              onChange={(e) => onChange((d) => updateInput(d, i, { displayName: { ...input.displayName, en: e.target.value } }), `def-input-${i}-en`)} />}
          </Field>
          <Field id={`def-input-${i}-type`} label={t('defType')}>
            {(control) => (
              <select {...control} value={input.type} disabled={readOnly}
                onChange={(e) => onChange((d) => updateInput(d, i, { type: e.target.value }), null)}>
                {inputTypes.map((type) => <option key={type} value={type}>{t(typeKeys[type])}</option>)}
              </select>
            )}
          </Field>
          {input.type === 'text' || input.type === 'json' ? (
            <Field id={`def-input-${i}-picker`} label={t('defPicker')} help={t('defPickerHelp')} error={at(`inputs[${i}].picker`)}>
              {(control) => (
                <select {...control} value={input.picker ?? ''} disabled={readOnly}
                  onChange={(e) => onChange((d) => updateInput(d, i, { picker: (e.target.value || undefined) as WorkflowInput['picker'] }), null)}>
                  {inputPickers.map((p) => <option key={p} value={p}>{t(pickerKeys[p])}</option>)}
                </select>
              )}
            </Field>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={!!input.required} disabled={readOnly}
              onChange={(e) => onChange((d) => updateInput(d, i, { required: e.target.checked }), null)} />
            {' '}{t('defRequired')}
          </label>
          <Field id={`def-input-${i}-default`} label={t('defDefault')} error={at(`inputs[${i}].default`)}>
            {(control) => <input {...control} value={defaultText(input.default)} readOnly={readOnly}
              onChange={(e) => onChange((d) => updateInput(d, i, { default: typedDefault(input.type, e.target.value) }), `def-input-${i}-default`)} />}
          </Field>
          {input.type === 'text' && !input.picker ? (
            <Field id={`def-input-${i}-options`} label={t('defOptions')} help={t('defOptionsHelp')} error={at(`inputs[${i}].options`)}>
              {(control) => <textarea {...control} className="technical" rows={3} value={optionsText(input.options)} readOnly={readOnly}
                onChange={(e) => onChange((d) => updateInput(d, i, { options: parseOptions(e.target.value) }), `def-input-${i}-options`)} />}
            </Field>
          ) : null}
          {readOnly ? null : (
            <button type="button" className="link-button danger" onClick={() => onChange((d) => removeInput(d, i), null)}>
              {t('defRemoveInput', { name: input.name })}
            </button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : <button type="button" onClick={() => onChange(addInput, null)}>{t('defAddInput')}</button>}

      <h4>{t('defVariables')}</h4>
      <p className="help">{t('defVariablesHelp')}</p>
      {variables.length === 0 ? <p className="muted">{t('defNoVariables')}</p> : null}
      {variables.map((variable, i) => (
        <fieldset key={i} className="definition-variable" data-variable={variable.name}>
          <legend><code>{variable.name}</code></legend>
          <Field id={`def-variable-${i}-name`} label={t('defName')} error={at(`variables[${i}].name`)}>
            {(control) => <input {...control} value={variable.name} readOnly={readOnly} spellCheck={false}
              onChange={(e) => onChange((d) => updateVariable(d, i, { name: e.target.value }), `def-variable-${i}-name`)} />}
          </Field>
          <Field id={`def-variable-${i}-default`} label={t('defInitial')} help={t('defInitialHelp')}>
            {(control) => <input {...control} value={defaultText(variable.default)} readOnly={readOnly}
              onChange={(e) => onChange((d) => updateVariable(d, i, { default: variableDefault(e.target.value) }), `def-variable-${i}-default`)} />}
          </Field>
          {readOnly ? null : (
            <button type="button" className="link-button danger" onClick={() => onChange((d) => removeVariable(d, i), null)}>
              {t('defRemoveVariable', { name: variable.name })}
            </button>
          )}
        </fieldset>
      ))}
      {readOnly ? null : <button type="button" onClick={() => onChange(addVariable, null)}>{t('defAddVariable')}</button>}
    </details>
    </>
  );
}
