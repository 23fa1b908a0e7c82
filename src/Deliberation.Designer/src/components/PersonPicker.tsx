import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { Field } from './Field';

/** A person of the roster as the people list gives it. */
export interface PersonRow { id: string; name: string; buildingGroupName: string | null; unit: string | null }

/**
 * Finds a person of the community's roster by part of the name and lets staff choose one: a search box, then a list of
 * up to twenty matches with their building and unit. The chosen person's id and name go to <c>onChange</c>.
 */
export function PersonPicker({ communityId, idPrefix, label, value, error, required, onChange }: {
  communityId: string; idPrefix: string; label: string; value: string; error?: string; required?: boolean;
  onChange: (personId: string, name: string) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PersonRow[]>([]);

  // The roster, searched as staff type (a short pause first, so that every keystroke does not ask the server).
  useEffect(() => {
    const part = search.trim();
    if (!part) { setFound([]); return; }
    let live = true;
    const timer = setTimeout(() => {
      request<{ items: PersonRow[] }>(`/api/communities/${communityId}/people?name=${encodeURIComponent(part)}&take=20`)
        .then((page) => { if (live) setFound(page.items); }, () => { if (live) setFound([]); });
    }, 200);
    return () => { live = false; clearTimeout(timer); };
  }, [communityId, search]);

  // A cleared value (the form was sent) clears the search too.
  useEffect(() => { if (!value) setSearch(''); }, [value]);

  return (
    <>
      <Field id={`${idPrefix}-search`} label={t('findPerson')} help={t('findPersonHelp')}>
        {(control) => <input {...control} type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={50} />}
      </Field>
      <Field id={`${idPrefix}-person`} label={required ? `${label} *` : label} error={error}>
        {(control) => (
          <select {...control} value={value} onChange={(e) => onChange(e.target.value, found.find((p) => p.id === e.target.value)?.name ?? '')}>
            <option value="">{found.length ? t('choose') : t('typeToFind')}</option>
            {found.map((p) => (
              <option key={p.id} value={p.id}>{p.name}{p.buildingGroupName ? `（${p.buildingGroupName}${p.unit ?? ''}）` : ''}</option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
