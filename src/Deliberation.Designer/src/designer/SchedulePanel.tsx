import type { CommunityRef, DefinitionProblem, ScheduleView, WorkflowDefinition, WorkflowSchedule } from '../api/types';
import { beijingTime } from '../beijingTime';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { beijingZone, describeCron, monthlyCron, scheduleInputValue, withScheduleInput } from './schedule';

interface Props {
  doc: WorkflowDefinition;
  /** The schedule of the version as loaded, with the server's next occurrences; null when it had none. */
  view: ScheduleView | null;
  /** A shared workflow lists the communities it starts in; a community's own starts in its community. */
  shared: boolean;
  communities: CommunityRef[];
  problems: DefinitionProblem[];
  readOnly: boolean;
  onChange: (schedule: WorkflowSchedule | undefined) => void;
}

const problemKeys: Record<string, StringKey> = {
  'invalid-cron': 'scheduleInvalidCron',
  'schedule-too-frequent': 'scheduleTooFrequent',
  'invalid-time-zone': 'scheduleInvalidTimeZone',
  'unknown-input': 'scheduleUnknownInput',
  required: 'requiredInput',
  'schedule-communities-required': 'scheduleCommunitiesRequired',
  'schedule-communities-own': 'scheduleCommunitiesOwn',
  'schedule-communities-both': 'scheduleCommunitiesBoth',
  'unknown-community': 'scheduleUnknownCommunity',
  'duplicate-community': 'scheduleDuplicateCommunity',
};

/** The workflow's own properties: its schedule (定时启动) — the cron, Beijing time, the inputs each start gets, and where it starts. */
export function SchedulePanel({ doc, view, shared, communities, problems, readOnly, onChange }: Props) {
  const { t, lang, pick } = useI18n();
  const schedule = doc.schedule ?? undefined;
  const text = (p: DefinitionProblem) => {
    const key = problemKeys[p.code];
    return key ? t(key, { name: p.input ?? '' }) : p.message;
  };
  const at = (path: string) => problems.filter((p) => p.path === path || p.path.startsWith(`${path}[`)).map(text).join(' ') || undefined;
  const zone = schedule?.timeZone && schedule.timeZone !== beijingZone ? schedule.timeZone : t('beijingTimeZone');
  const current = view && schedule && view.cron === schedule.cron.trim() && (view.timeZone === (schedule.timeZone || beijingZone));
  const next = current ? view.next.map((n) => beijingTime(n, lang, 'full')).join(lang === 'zh-CN' ? '、' : ', ') : t('scheduleNextAfterSave');
  const set = (change: Partial<WorkflowSchedule>) => onChange({ ...(schedule ?? { cron: monthlyCron }), ...change });
  const listed = new Set(schedule?.communityIds ?? []);

  return (
    <section className="schedule" aria-labelledby="schedule-title" data-testid="schedule">
      <h3 id="schedule-title">{t('scheduleTitle')}</h3>
      <label className="checkbox">
        <input type="checkbox" checked={!!schedule} disabled={readOnly}
          onChange={(e) => onChange(e.target.checked ? { cron: monthlyCron } : undefined)} />
        {' '}{t('scheduleEnabled')}
      </label>
      {schedule ? (
        <>
          <p data-testid="schedule-summary">
            {t('scheduleSummary', { when: describeCron(schedule.cron, lang) ?? schedule.cron, zone, next })}
            {current && !view.runs ? t('scheduleNotRunning') : null}
          </p>
          <Field id="schedule-cron" label={t('scheduleCron')} help={t('scheduleCronHelp')} error={at('schedule.cron')}>
            {(control) => <input {...control} value={schedule.cron} readOnly={readOnly} spellCheck={false}
              onChange={(e) => set({ cron: e.target.value })} />}
          </Field>
          <p className="muted">{t('scheduleTimeZone')}{t('colon')}{zone}（{schedule.timeZone || beijingZone}）</p>
          {at('schedule.timeZone') ? <p className="field-error" role="alert">{at('schedule.timeZone')}</p> : null}
          {(doc.inputs ?? []).length > 0 ? <h4>{t('scheduleInputs')}</h4> : null}
          {(doc.inputs ?? []).map((input) => (
            <Field key={input.name} id={`schedule-input-${input.name}`} label={`${pick(input.displayName) || input.name}${input.required && input.default == null ? ' *' : ''}`}
              error={at(`schedule.input.${input.name}`)}>
              {(control) => <input {...control} readOnly={readOnly}
                value={schedule.input?.[input.name] == null ? '' : String(schedule.input[input.name])}
                placeholder={input.default == null ? '' : String(input.default)}
                onChange={(e) => onChange(withScheduleInput(schedule, input.name, scheduleInputValue(input.type, e.target.value)))} />}
            </Field>
          ))}
          {shared ? (
            <fieldset aria-describedby={at('schedule.communityIds') ? 'schedule-communities-error' : undefined}>
              <legend>{t('scheduleCommunities')}</legend>
              <label className="checkbox">
                <input type="checkbox" checked={!!schedule.allCommunities} disabled={readOnly}
                  onChange={(e) => set({ allCommunities: e.target.checked ? true : null, communityIds: e.target.checked ? null : schedule.communityIds ?? null })} />
                {' '}{t('scheduleAllCommunities')}
              </label>
              {schedule.allCommunities ? null : communities.map((c) => (
                <label key={c.id} className="checkbox">
                  <input type="checkbox" checked={listed.has(c.id)} disabled={readOnly} onChange={(e) => {
                    const ids = e.target.checked ? [...listed, c.id] : [...listed].filter((id) => id !== c.id);
                    set({ communityIds: ids.length > 0 ? ids : null });
                  }} />
                  {' '}{c.name}
                </label>
              ))}
              {at('schedule.communityIds') ? <p className="field-error" id="schedule-communities-error" role="alert">{at('schedule.communityIds')}</p> : null}
            </fieldset>
          ) : <p className="muted">{t('scheduleOwnCommunity')}</p>}
          {problems.filter((p) => p.path === 'schedule').map((p, i) => <p key={i} className="field-error" role="alert">{text(p)}</p>)}
        </>
      ) : null}
    </section>
  );
}
