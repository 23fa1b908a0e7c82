import { describe, expect, it } from 'vitest';
import type { LaunchProposal } from '../api/types';
import {
  addMatter, advisorChoices, catalogueFieldIds, draftOf, missingKinds, moveMatter, proposedSelection, removeMatter, toRequest, toggleAdvisor,
} from './catalogue';

const catalogue = {
  own: false,
  matters: [
    { code: 'lift', zh: '加装电梯', en: 'Lift installation', complaints: 2 },
    { code: 'maintenance-fund', zh: '维修资金使用', en: 'Use of the maintenance fund', advisors: ['accountant'], rulesTemplate: 'co-owners-art278-items-6-8', complaints: 0 },
  ],
};

describe('catalogue form', () => {
  it('keeps a kind complaints are of, and removes one no complaint is of', () => {
    const draft = draftOf(catalogue);
    expect(removeMatter(draft, 0)).toHaveLength(2);
    expect(removeMatter(draft, 1).map((m) => m.code)).toEqual(['lift']);
  });

  it('moves kinds within the list only', () => {
    const draft = draftOf(catalogue);
    expect(moveMatter(draft, 1, -1).map((m) => m.code)).toEqual(['maintenance-fund', 'lift']);
    expect(moveMatter(draft, 1, 1)).toBe(draft);
  });

  it('toggles advisors in the order lawyer, accountant', () => {
    const draft = toggleAdvisor(draftOf(catalogue), 1, 'lawyer');
    expect(draft[1]!.advisors).toEqual(['lawyer', 'accountant']);
    expect(toggleAdvisor(draft, 1, 'accountant')[1]!.advisors).toEqual(['lawyer']);
  });

  it('sends trimmed texts, null for no workflow or template, and names each field', () => {
    const draft = addMatter(draftOf(catalogue));
    draft[2] = { ...draft[2]!, code: ' legal-dispute ', zh: ' 法律纠纷 ', en: 'Legal disputes', definitionId: ' ' };
    const body = toRequest(draft);
    expect(body.matters[2]).toEqual({ code: 'legal-dispute', zh: '法律纠纷', en: 'Legal disputes', definitionId: null, advisors: [], rulesTemplate: null });
    expect(body.matters[1]!.rulesTemplate).toBe('co-owners-art278-items-6-8');
    expect(catalogueFieldIds(draft)['matters[2].definitionId']).toBe('matter-2-definitionId');
  });
});

describe('launch advisors', () => {
  const proposal: LaunchProposal = {
    complaintId: 'c', categoryCode: 'legal-dispute', matter: null, definitionId: 'legal-advice', fromCatalogue: true, rulesTemplate: null,
    advisors: [
      { kind: 'lawyer', kindName: '律师', candidates: [{ personId: 'p1', name: '周律师' }], proposedPersonId: 'p1' },
      { kind: 'accountant', kindName: '会计师', candidates: [], proposedPersonId: null },
    ],
  };

  it('starts from the proposed people and names the kinds nobody can sit for', () => {
    const selection = proposedSelection(proposal);
    expect(selection).toEqual({ lawyer: 'p1', accountant: '' });
    expect(missingKinds(proposal, selection)).toEqual(['accountant']);
    expect(advisorChoices(proposal, selection)).toEqual([{ kind: 'lawyer', personId: 'p1' }, { kind: 'accountant', personId: null }]);
  });

  it('tells a lawyer staff chose not to seat as missing too', () => {
    expect(missingKinds(proposal, { lawyer: '', accountant: '' })).toEqual(['lawyer', 'accountant']);
  });
});
