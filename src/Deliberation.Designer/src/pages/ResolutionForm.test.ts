import { describe, expect, it } from 'vitest';
import type { PanelMemberView } from '../api/types';
import { panelOrganisations } from './ResolutionForm';

const member = (id: string, organisationId: string | null, active = true): PanelMemberView =>
  ({ id, name: id, role: 'party', partyKind: 'property-company', groupId: null, votes: true, active, organisationId });

describe('panelOrganisations', () => {
  it('takes the organisations seated on the panel once each, in the order they joined, leaving out people and former members', () => {
    const panel = {
      caseId: 'c',
      members: [member('a', 'org-2'), member('b', null), member('c', 'org-1'), member('d', 'org-2'), member('e', 'org-3', false)],
      former: [],
    };
    expect(panelOrganisations(panel)).toEqual(['org-2', 'org-1']);
  });

  it('is empty before the panel has loaded', () => {
    expect(panelOrganisations(undefined)).toEqual([]);
  });
});
