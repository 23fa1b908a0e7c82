import type { WorkflowInput } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { initialText } from '../forms/workflowInputs';
import { WorkflowInputField } from './WorkflowInputField';

/** A workflow's inputs as fields: the usual ones, then the advanced ones folded under 高级设置 (open when one is wrong). */
export function WorkflowInputFields({ inputs, texts, errors, communityId, onText }: {
  inputs: WorkflowInput[]; texts: Record<string, string>; errors: Record<string, string>; communityId: string;
  onText: (name: string, text: string) => void;
}) {
  const { t } = useI18n();
  const field = (input: WorkflowInput) => (
    <WorkflowInputField key={input.name} input={input} text={texts[input.name] ?? initialText(input)} error={errors[input.name]} communityId={communityId}
      onChange={(text) => onText(input.name, text)} />
  );
  return (
    <>
      {inputs.filter((i) => !i.advanced).map(field)}
      {inputs.some((i) => i.advanced) ? (
        <details className="advanced" data-testid="advanced-inputs" open={inputs.some((i) => i.advanced && errors[i.name])}>
          <summary>{t('advancedSettings')}</summary>
          <p className="help">{t('advancedSettingsHelp')}</p>
          {inputs.filter((i) => i.advanced).map(field)}
        </details>
      ) : null}
    </>
  );
}
