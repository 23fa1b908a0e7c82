import { IdListPicker } from '../components/IdListPicker';
import { PeoplePicker } from '../components/PeoplePicker';
import { pickedIds, pickedText } from '../forms/workflowInputs';
import { useSession } from '../session';

/** The audience kinds whose targets are picked from a list, and the list. */
const pickers: Record<string, 'buildingGroup' | 'organisation' | 'person'> = { 'building-group': 'buildingGroup', organisations: 'organisation', people: 'person' };

/** Whether the targets of this audience kind are picked from a list (building groups, organisations, people). */
export function audienceIsPicked(kind: string): boolean {
  return kind in pickers;
}

/** The ids of an audience's targets as written (separated by commas, spaces or lines, as the server reads them). */
export function audienceIds(text: string): string[] {
  return text.split(/[\s,，、;；]+/).filter(Boolean);
}

/**
 * The targets of an audience picked by name from the community — its building groups, its organisations or people of its
 * roster, as the audience kind says — instead of typed ids; kept as ids, one per line.
 */
export function AudienceTargetsEditor({ id, label, kind, value, invalid, describedBy, onChange }: {
  id: string; label: string; kind: string; value: string; invalid: boolean; describedBy: string | undefined; onChange: (text: string) => void;
}) {
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const picker = pickers[kind];
  const asList = pickedText(audienceIds(value));
  const fromList = (text: string) => onChange(pickedIds(text).join('\n'));
  if (picker === 'person') return <PeoplePicker communityId={communityId} idPrefix={id} label={label} value={asList} onChange={fromList} />;
  return <IdListPicker id={id} label={label} kind={picker === 'organisation' ? 'organisation' : 'buildingGroup'} communityId={communityId} multiple value={asList}
    invalid={invalid} describedBy={describedBy} onChange={fromList} />;
}
