import type { StringKey } from './i18n/zh-CN';

/** A roster person's roles in the page's language (the server lists them by their English names). */
const personRoleKeys: Record<string, StringKey> = {
  Resident: 'personRoleResident',
  BuildingHead: 'partyKindBuildingHead',
  GridWorker: 'personRoleGridWorker',
  SocialWorker: 'partyKindSocialWorker',
  Volunteer: 'partyKindVolunteer',
  PropertyCompany: 'personRolePropertyCompany',
  OwnersCommittee: 'partyKindOwnersCommittee',
  ResidentUnit: 'partyKindResidentUnit',
  Lawyer: 'partyKindLawyer',
  Accountant: 'partyKindAccountant',
  CommunityLead: 'personRoleCommunityLead',
  SocialOrganisation: 'partyKindSocialOrganisation',
  ResidentsCommittee: 'partyKindResidentsCommittee',
  GridPartyBranch: 'partyKindGridPartyBranch',
};

/** The roles, joined the Chinese way (居民、楼长); an unknown name shows as it is. */
export function personRolesLabel(t: (key: StringKey) => string, roles: string[], separator = '、'): string {
  return roles.map((r) => { const key = personRoleKeys[r]; return key ? t(key) : r; }).join(separator);
}
