import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';

/** The units a duration is picked in, largest last; each is the shorthand the workflow reads (3d, 24h, 30m). */
const units: { code: string; label: StringKey }[] = [
  { code: 's', label: 'unitSeconds' }, { code: 'm', label: 'unitMinutes' }, { code: 'h', label: 'unitHours' },
  { code: 'd', label: 'unitDays' }, { code: 'w', label: 'unitWeeks' },
];

const shorthand = /^\s*(\d+(?:\.\d+)?)?\s*([smhdw])\s*$/i;

/** Splits a duration as the workflow writes it (3d) into its number and unit; null for another form (PT12H, 1.00:00:00). */
export function splitDuration(text: string): { amount: string; unit: string } | null {
  if (text.trim() === '') return { amount: '', unit: 'd' };
  const m = shorthand.exec(text);
  return m ? { amount: m[1] ?? '', unit: m[2]!.toLowerCase() } : null;
}

/** A list of durations as the workflow writes it (24h,2h): each one, or null when any is in another form. */
export function splitDurationList(text: string): string[] | null {
  const items = text.split(/[,，]/).map((s) => s.trim()).filter((s) => s !== '');
  return items.length > 0 && items.every((s) => shorthand.test(s)) ? items : null;
}

/**
 * Several durations (会前提醒: 24 小时, 2 小时), each a number and a unit, one added or removed at a time; the value stays
 * the workflow's list (24h,2h).
 */
export function DurationListField({ id, label, value, onChange, describedBy, invalid }: {
  id: string; label: string; value: string; onChange: (value: string) => void; describedBy?: string; invalid: boolean;
}) {
  const { t } = useI18n();
  const items = splitDurationList(value) ?? [];
  const set = (next: string[]) => onChange(next.join(','));
  return (
    <span className="duration-list" role="group" aria-label={label}>
      {items.map((item, i) => (
        <span key={i} className="duration-list-item">
          <DurationField id={i === 0 ? id : `${id}-${i}`} label={`${label} ${i + 1}`} named value={item} invalid={invalid} describedBy={describedBy}
            onChange={(v) => set(items.map((x, j) => (j === i ? v : x)))} />
          <button type="button" onClick={() => set(items.filter((_, j) => j !== i))} aria-label={t('removeNth', { name: label, n: i + 1 })}>{t('remove')}</button>
        </span>
      ))}
      <button type="button" onClick={() => set([...items, '1h'])}>{t('addOne')}</button>
    </span>
  );
}

/**
 * A duration as a number and a unit (3 天), for people who do not write 3d: the value stays the workflow's shorthand.
 * A value in another form (ISO 8601, as an imported definition may have) shows as text instead.
 */
export function DurationField({ id, label, value, onChange, describedBy, invalid, named }: {
  id: string; label: string; value: string; onChange: (value: string) => void; describedBy?: string; invalid: boolean;
  /** Name the number box itself (a field without a label element of its own). */
  named?: boolean;
}) {
  const { t } = useI18n();
  const parts = splitDuration(value);
  if (!parts) return <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy} />;
  return (
    <span className="duration-field">
      <input id={id} type="number" min={0} step="any" inputMode="decimal" value={parts.amount} aria-invalid={invalid} aria-describedby={describedBy}
        aria-label={named ? label : undefined}
        onChange={(e) => onChange(`${e.target.value}${parts.unit}`)} />
      <select aria-label={t('unitOf', { name: label })} value={parts.unit} onChange={(e) => onChange(`${parts.amount}${e.target.value}`)}>
        {units.map((u) => <option key={u.code} value={u.code}>{t(u.label)}</option>)}
      </select>
    </span>
  );
}
