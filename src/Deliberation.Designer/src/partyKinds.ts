import type { StringKey } from './i18n/zh-CN';

/** What a party or an advisor on the panel is, in the page's language (the server's partyKind codes). */
const partyKindKeys: Record<string, StringKey> = {
  'residents-committee': 'partyKindResidentsCommittee',
  'grid-party-branch': 'partyKindGridPartyBranch',
  'property-company': 'partyKindPropertyCompany',
  'owners-committee': 'partyKindOwnersCommittee',
  'social-worker': 'partyKindSocialWorker',
  'social-organisation': 'partyKindSocialOrganisation',
  'resident-unit': 'partyKindResidentUnit',
  'building-head': 'partyKindBuildingHead',
  'volunteer': 'partyKindVolunteer',
  'lawyer': 'partyKindLawyer',
  'accountant': 'partyKindAccountant',
};

/** The words for a party kind; an unknown kind (a community's own) shows as it is. */
export function partyKindLabel(t: (key: StringKey) => string, kind: string | null | undefined): string {
  if (!kind) return '';
  const key = partyKindKeys[kind];
  return key ? t(key) : kind;
}
