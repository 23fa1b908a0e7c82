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

/**
 * A duration as a number and a unit (3 天), for people who do not write 3d: the value stays the workflow's shorthand.
 * A value in another form (ISO 8601, as an imported definition may have) shows as text instead.
 */
export function DurationField({ id, label, value, onChange, describedBy, invalid }: {
  id: string; label: string; value: string; onChange: (value: string) => void; describedBy?: string; invalid: boolean;
}) {
  const { t } = useI18n();
  const parts = splitDuration(value);
  if (!parts) return <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy} />;
  return (
    <span className="duration-field">
      <input id={id} type="number" min={0} step="any" inputMode="decimal" value={parts.amount} aria-invalid={invalid} aria-describedby={describedBy}
        onChange={(e) => onChange(`${e.target.value}${parts.unit}`)} />
      <select aria-label={t('unitOf', { name: label })} value={parts.unit} onChange={(e) => onChange(`${parts.amount}${e.target.value}`)}>
        {units.map((u) => <option key={u.code} value={u.code}>{t(u.label)}</option>)}
      </select>
    </span>
  );
}
