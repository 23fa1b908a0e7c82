import { describe, expect, it } from 'vitest';
import type { Organisation } from '../api/types';
import { addContact, blankOrganisation, changeContact, draftOf, markRepresentative, organisationFieldIds, removeContact, representativeOf, toRequest } from './organisation';

describe('organisation form', () => {
  it('makes the first contact the representative and keeps exactly one', () => {
    let draft = addContact(addContact(blankOrganisation('property-company')));
    expect(draft.contacts.map((c) => c.isRepresentative)).toEqual([true, false]);

    draft = markRepresentative(draft, 1);
    expect(draft.contacts.map((c) => c.isRepresentative)).toEqual([false, true]);

    draft = removeContact(draft, 1);
    expect(draft.contacts.map((c) => c.isRepresentative)).toEqual([true]);
  });

  it('sends trimmed texts and empty optional ones as null', () => {
    let draft = addContact({ ...blankOrganisation('residents-committee'), name: '  文化路社区居委会 ', notes: '  ' });
    draft = changeContact(draft, 0, { name: ' 张主任 ', role: '主任', phone: ' 138-1234-5678 ' });

    expect(toRequest(draft)).toEqual({
      name: '文化路社区居委会', kind: 'residents-committee', notes: null,
      contacts: [{ name: '张主任', role: '主任', email: null, phone: '138-1234-5678', personId: null, isRepresentative: true }],
    });
  });

  it('puts the server\'s field errors at the contact\'s controls', () => {
    const draft = addContact(addContact(blankOrganisation('owners-committee')));
    const ids = organisationFieldIds(draft);

    expect(ids['contacts[1].email']).toBe('org-contact-1-email');
    expect(ids['contacts[0].personId']).toBe('org-contact-0-person');
    expect(ids.contacts).toBe('org-contacts');
  });

  it('reads a saved organisation back into the form and finds its representative', () => {
    const saved: Organisation = {
      id: 'o1', name: '园林物业', kind: 'property-company', kindName: '物业公司', notes: null, createdAt: '', updatedAt: '',
      contacts: [
        { id: 'c1', name: '王师傅', role: null, email: null, phone: null, personId: null, isRepresentative: false },
        { id: 'c2', name: '李经理', role: '经理', email: 'li@example.cn', phone: '13812345678', personId: null, isRepresentative: true },
      ],
    };

    expect(draftOf(saved).contacts[1]).toEqual({ name: '李经理', role: '经理', email: 'li@example.cn', phone: '13812345678', personId: null, isRepresentative: true });
    expect(representativeOf(saved)?.name).toBe('李经理');
  });
});
