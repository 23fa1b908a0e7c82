import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { pickedIds, pickedText } from '../forms/workflowInputs';
import { PersonPicker } from './PersonPicker';

/**
 * Several people of the roster: each found by name and added to the list below, each removable. The value is the ids as
 * a JSON array; a person chosen earlier (a default) shows as their id until chosen again.
 */
export function PeoplePicker({ communityId, idPrefix, label, value, error, required, onChange }: {
  communityId: string; idPrefix: string; label: string; value: string; error?: string; required?: boolean; onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const [names, setNames] = useState<Record<string, string>>({});
  const ids = pickedIds(value);
  const add = (personId: string, name: string) => {
    if (!personId || ids.includes(personId)) return;
    setNames({ ...names, [personId]: name });
    onChange(pickedText([...ids, personId]));
  };
  return (
    <>
      <PersonPicker communityId={communityId} idPrefix={idPrefix} label={label} value="" error={error} required={required} onChange={add} />
      {ids.length > 0 ? (
        <ul className="chips" aria-label={label} data-testid={`${idPrefix}-chosen`}>
          {ids.map((id) => (
            <li key={id}>
              {names[id] ?? id}{' '}
              <button type="button" className="link-button" aria-label={t('removePerson', { name: names[id] ?? id })}
                onClick={() => onChange(pickedText(ids.filter((x) => x !== id)))}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
