import type { Organisation } from '../api/types';
import { representativeOf } from '../forms/organisation';
import { useI18n } from '../i18n/I18n';
import { partyKindLabel } from '../partyKinds';

/** The options of a select of the directory's organisations: each by name, kind and representative (宇辉物业（物业公司） · 赵经理). */
export function OrganisationOptions({ organisations }: { organisations: Organisation[] }) {
  const { t } = useI18n();
  return (
    <>
      {organisations.map((o) => {
        const representative = representativeOf(o);
        return (
          <option key={o.id} value={o.id}>
            {o.name}（{partyKindLabel(t, o.kind)}）{representative ? ` · ${representative.name}` : ''}
          </option>
        );
      })}
    </>
  );
}
