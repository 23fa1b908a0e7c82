import type { WorkflowInput } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { initialText } from '../forms/workflowInputs';
import { DurationField, DurationListField, splitDurationList } from './DurationField';
import { IdListPicker } from './IdListPicker';
import { PeoplePicker } from './PeoplePicker';
import { PersonPicker } from './PersonPicker';

/** Hours of the day written as 22:00-07:00 (quiet hours): the two times, or null for any other text. */
export function hoursOfDay(text: string): { from: string; to: string } | null {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text.trim());
  return m ? { from: m[1]!, to: m[2]! } : null;
}

/**
 * One input of a workflow as a launch form's field, labelled with the input's name in the page's language (* when
 * required), its default filled in: a dropdown for a fixed set of values, number and unit for a duration, two time
 * pickers for hours of the day, a picker for a person, an organisation or a building group, a box for the rest. The
 * value is the field's text (see forms/workflowInputs for how it becomes the input's value); the error shows below.
 */
export function WorkflowInputField({ input, text, error, communityId, onChange }: {
  input: WorkflowInput; text: string; error?: string; communityId: string; onChange: (text: string) => void;
}) {
  const { t, pick } = useI18n();
  const id = `input-${input.name}`;
  const label = pick(input.displayName) || input.name;
  const help = input.description ? pick(input.description) : '';
  const describedBy = [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const helpAndError = (
    <>
      {help ? <p className="help" id={`${id}-help`}>{help}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </>
  );

  if (input.picker === 'person') {
    // The person picker labels its own search box and list, and shows the error at the list.
    return (
      <div className="field picker" data-input={input.name}>
        {input.type === 'json'
          ? <PeoplePicker communityId={communityId} idPrefix={id} label={label} value={text} error={error} required={input.required} onChange={onChange} />
          : <PersonPicker communityId={communityId} idPrefix={id} label={label} value={text} error={error} required={input.required} onChange={(personId) => onChange(personId)} />}
        {help ? <p className="help" id={`${id}-help`}>{help}</p> : null}
      </div>
    );
  }

  const common = { id, 'aria-invalid': !!error, 'aria-describedby': describedBy };
  const hours = input.type === 'text' && !input.options?.length && !input.picker ? hoursOfDay(text) : null;
  let control;
  if (input.picker === 'organisation' || input.picker === 'buildingGroup') {
    control = <IdListPicker id={id} label={label} kind={input.picker} communityId={communityId} multiple={input.type === 'json'} value={text}
      invalid={!!error} describedBy={describedBy} onChange={onChange} />;
  } else if (input.options?.length) {
    control = (
      <select {...common} name={input.name} value={text} onChange={(e) => onChange(e.target.value)}>
        {input.required || input.default != null ? null : <option value="">—</option>}
        {input.options.map((o) => <option key={o.value} value={o.value}>{pick(o.displayName) || o.value}</option>)}
      </select>
    );
  } else if (input.type === 'boolean') {
    control = <select {...common} value={text} onChange={(e) => onChange(e.target.value)}><option value="true">{t('yesShort')}</option><option value="false">{t('noShort')}</option></select>;
  } else if (input.type === 'duration') {
    control = <DurationField id={id} label={label} value={text} onChange={onChange} invalid={!!error} describedBy={describedBy} />;
  } else if (input.type === 'number') {
    control = <input {...common} name={input.name} type="number" min={0} step={1} inputMode="numeric" value={text} onChange={(e) => onChange(e.target.value)} />;
  } else if (input.type === 'text' && !input.options?.length && splitDurationList(initialText(input))) {
    control = <DurationListField id={id} label={label} value={text} onChange={onChange} invalid={!!error} describedBy={describedBy} />;
  } else if (hours) {
    control = (
      <span className="duration-field">
        <input id={id} type="time" value={hours.from} aria-label={`${label} · ${t('quietFrom')}`} onChange={(e) => onChange(`${e.target.value}-${hours.to}`)} aria-describedby={describedBy} />
        <span aria-hidden="true">–</span>
        <input type="time" value={hours.to} aria-label={`${label} · ${t('quietTo')}`} onChange={(e) => onChange(`${hours.from}-${e.target.value}`)} />
      </span>
    );
  } else if (input.type === 'json') {
    control = <textarea {...common} name={input.name} className="technical" rows={3} value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false} />;
  } else {
    control = <input {...common} name={input.name} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field" data-input={input.name}>
      <label htmlFor={id}>{label}{input.required ? ' *' : ''}</label>
      {control}
      {helpAndError}
    </div>
  );
}
