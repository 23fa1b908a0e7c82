import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { checkPlan, serverFieldIds, type PlanText, type SlotText } from '../forms/meetingPlan';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';

const emptyPlan = (): PlanText => ({ name: '', place: '', chair: '', recorder: '', agenda: '', slots: [{ start: '', end: '' }, { start: '', end: '' }] });

/** Plans the case's next meeting: name, place, chair, recorder, agenda and two to five candidate times for the time poll. */
export function PlanForm({ communityId, caseId, onChanged }: { communityId: string; caseId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<PlanText>(emptyPlan);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [suggested, setSuggested] = useState(0);
  // The agenda starts from what the case's workflow proposes (四方联动联席会议: the matter and the needs list's best-ranked needs).
  useEffect(() => {
    let live = true;
    request<{ agenda: string[] }>(`/api/communities/${communityId}/cases/${caseId}/meetings/suggestion`)
      .then((s) => {
        if (!live || !s.agenda.length) return;
        setPlan((p) => (p.agenda.trim() ? p : { ...p, agenda: s.agenda.join('\n') }));
        setSuggested(s.agenda.length);
      })
      .catch(() => undefined); // Without a suggestion the agenda is simply empty, as staff type it.
    return () => { live = false; };
  }, [communityId, caseId]);
  const set = (field: keyof Omit<PlanText, 'slots'>, id: string) => (value: string) => {
    setPlan((p) => ({ ...p, [field]: value }));
    clear(id);
  };
  const setSlot = (i: number, part: keyof SlotText, value: string) => {
    setPlan((p) => ({ ...p, slots: p.slots.map((x, j) => (j === i ? { ...x, [part]: value } : x)) }));
    clear(`slot-${i}-${part}`, 'slots');
  };
  // A corrected field loses its error at once; the others keep theirs until the next try.
  const clear = (...ids: string[]) => setErrors((e) => (ids.some((id) => id in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !ids.includes(k))) : e));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const checked = checkPlan(plan, new Date());
    setErrors(Object.fromEntries(Object.entries(checked.problems).map(([k, v]) => [k, t(v)])));
    if (!checked.request) {
      setMessage({ kind: 'error', text: t('formHasErrors') });
      // Keyboard and screen-reader users land on the first field to correct (for too few slots: the first empty one).
      const first = Object.keys(checked.problems)[0]!;
      const emptySlot = plan.slots.findIndex((s) => !s.start);
      document.getElementById(first !== 'slots' ? first : `slot-${Math.max(emptySlot, 0)}-start`)?.focus();
      return;
    }
    try {
      await request(`/api/communities/${communityId}/cases/${caseId}/meetings`, { method: 'POST', body: checked.request });
      setMessage({ kind: 'success', text: t('planSent') });
      setPlan(emptyPlan());
      setSuggested(0);
      onChanged();
    } catch (err) {
      const refused = err instanceof ApiError ? err.problem.errors ?? {} : {};
      const server: Record<string, string> = {};
      for (const [field, texts] of Object.entries(refused)) server[serverFieldIds[field] ?? 'slots'] = t('fieldRefused', { detail: texts.join(' ') });
      setErrors(server);
      setMessage({ kind: 'error', text: Object.keys(server).length ? t('formHasErrors') : errorText(err, t('requestFailed')) });
    }
  };

  const text = (field: keyof Omit<PlanText, 'slots' | 'agenda'>, id: string, label: string, maxLength: number, required = false) => (
    <Field id={id} label={required ? `${label} *` : label} error={errors[id]}>
      {(control) => <input {...control} value={plan[field]} onChange={(e) => set(field, id)(e.target.value)} maxLength={maxLength} aria-required={required} />}
    </Field>
  );
  return (
    <details className="sub-form" data-testid="plan-form">
      <summary>{t('planMeeting')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          {text('name', 'plan-name', t('meetingName'), 200, true)}
          {text('place', 'plan-place', t('place'), 200, true)}
          {text('chair', 'plan-chair', t('chair'), 100)}
        </div>
        <div className="row">{text('recorder', 'plan-recorder', t('recorder'), 100)}</div>
        <Field id="plan-agenda" label={t('agenda')} help={suggested ? `${t('agendaHelp')} ${t('agendaSuggested', { n: suggested })}` : t('agendaHelp')} error={errors['plan-agenda']}>
          {(control) => <textarea {...control} value={plan.agenda} onChange={(e) => set('agenda', 'plan-agenda')(e.target.value)} rows={3} />}
        </Field>
        <fieldset aria-describedby={errors.slots ? 'slots-error' : 'slots-help'} data-field="slots">
          <legend>{t('slots')}</legend>
          <p className="help" id="slots-help">{t('slotsHelp')}</p>
          {plan.slots.map((s, i) => (
            <div key={i} className="slot-row">
              <Field id={`slot-${i}-start`} label={t('slotStart', { n: i + 1 })} error={errors[`slot-${i}-start`]}>
                {(control) => <input {...control} type="datetime-local" value={s.start} onChange={(e) => setSlot(i, 'start', e.target.value)} />}
              </Field>
              <Field id={`slot-${i}-end`} label={t('slotEnd', { n: i + 1 })} error={errors[`slot-${i}-end`]}>
                {(control) => <input {...control} type="datetime-local" value={s.end} onChange={(e) => setSlot(i, 'end', e.target.value)} />}
              </Field>
              {plan.slots.length > 2 ? (
                <button type="button" onClick={() => { setPlan((p) => ({ ...p, slots: p.slots.filter((_, j) => j !== i) })); setErrors({}); }}>
                  {t('removeSlot', { n: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          {errors.slots ? <p className="field-error" id="slots-error">{errors.slots}</p> : null}
          {plan.slots.length < 5 ? <button type="button" onClick={() => setPlan((p) => ({ ...p, slots: [...p.slots, { start: '', end: '' }] }))}>{t('addSlot')}</button> : null}
        </fieldset>
        <button type="submit" className="primary">{t('planMeeting')}</button>
        {message ? <Message kind={message.kind} testId="plan-message">{message.text}</Message> : null}
      </form>
    </details>
  );
}
