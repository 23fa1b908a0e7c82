import { request } from '../api/client';
import type { BuildingGroup, Organisation } from '../api/types';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { pickedIds, pickedText } from '../forms/workflowInputs';

/** Loads the community's building groups or organisations as id and name. */
async function loadChoices(communityId: string, kind: 'organisation' | 'buildingGroup'): Promise<{ id: string; name: string }[]> {
  if (kind === 'organisation') return (await request<Organisation[]>(`/api/communities/${communityId}/organisations`)).map((o) => ({ id: o.id, name: o.name }));
  return (await request<BuildingGroup[]>(`/api/communities/${communityId}/building-groups`)).map((b) => ({ id: b.id, name: b.name }));
}

/**
 * Chooses building groups or organisations of the community by name: a dropdown for one (the value is the id), ticks for
 * several (the value is the ids as a JSON array). An id no longer listed stays shown, as its id.
 */
export function IdListPicker({ id, label, kind, communityId, multiple, value, invalid, describedBy, onChange }: {
  id: string; label: string; kind: 'organisation' | 'buildingGroup'; communityId: string; multiple: boolean; value: string;
  invalid: boolean; describedBy: string | undefined; onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const choices = useLoad(() => loadChoices(communityId, kind), [communityId, kind]);
  const listed = choices.data ?? [];
  if (!multiple) {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy}>
        <option value="">{listed.length ? t('choose') : t(choices.loading ? 'loading' : 'none')}</option>
        {listed.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        {value && !listed.some((c) => c.id === value) ? <option value={value}>{value}</option> : null}
      </select>
    );
  }
  const ids = pickedIds(value);
  const unlisted = ids.filter((x) => !listed.some((c) => c.id === x)).map((x) => ({ id: x, name: x }));
  const toggle = (choice: string, on: boolean) => onChange(pickedText(on ? [...ids, choice] : ids.filter((x) => x !== choice)));
  return (
    <fieldset id={id} className="checks" aria-invalid={invalid} aria-describedby={describedBy}>
      <legend className="sr-only">{label}</legend>
      {listed.length === 0 && unlisted.length === 0 ? <p className="muted">{t(choices.loading ? 'loading' : 'none')}</p> : null}
      {[...listed, ...unlisted].map((c) => (
        <label key={c.id} className="check">
          <input type="checkbox" checked={ids.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}
