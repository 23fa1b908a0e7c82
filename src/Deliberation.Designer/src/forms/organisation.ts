import type { Organisation } from '../api/types';

/** A contact as the form holds it: every text as typed. */
export interface ContactDraft { name: string; role: string; email: string; phone: string; personId: string | null; isRepresentative: boolean }

/** An organisation as the form holds it. */
export interface OrganisationDraft { name: string; kind: string; notes: string; contacts: ContactDraft[] }

/** The body of POST/PUT …/organisations (OrganisationsApi.OrganisationRequest). */
export interface OrganisationRequest {
  name: string; kind: string; notes: string | null;
  contacts: { name: string; role: string | null; email: string | null; phone: string | null; personId: string | null; isRepresentative: boolean }[];
}

/** An empty contact; the first one of an organisation is its representative. */
export function blankContact(isRepresentative = false): ContactDraft {
  return { name: '', role: '', email: '', phone: '', personId: null, isRepresentative };
}

/** A new organisation of the first kind offered. */
export function blankOrganisation(kind: string): OrganisationDraft {
  return { name: '', kind, notes: '', contacts: [] };
}

/** The form's copy of a saved organisation. */
export function draftOf(organisation: Organisation): OrganisationDraft {
  return {
    name: organisation.name, kind: organisation.kind, notes: organisation.notes ?? '',
    contacts: organisation.contacts.map((c) => ({
      name: c.name, role: c.role ?? '', email: c.email ?? '', phone: c.phone ?? '', personId: c.personId, isRepresentative: c.isRepresentative,
    })),
  };
}

/** Adds a contact; the first contact becomes the representative, as an organisation with contacts must have one. */
export function addContact(draft: OrganisationDraft): OrganisationDraft {
  return { ...draft, contacts: [...draft.contacts, blankContact(draft.contacts.length === 0)] };
}

/** Makes the contact at <c>index</c> the representative (代表) and no other. */
export function markRepresentative(draft: OrganisationDraft, index: number): OrganisationDraft {
  return { ...draft, contacts: draft.contacts.map((c, i) => ({ ...c, isRepresentative: i === index })) };
}

/** Removes a contact; when it was the representative, the first remaining contact takes its place. */
export function removeContact(draft: OrganisationDraft, index: number): OrganisationDraft {
  const contacts = draft.contacts.filter((_, i) => i !== index);
  const lost = !contacts.some((c) => c.isRepresentative);
  return { ...draft, contacts: contacts.map((c, i) => (lost && i === 0 ? { ...c, isRepresentative: true } : c)) };
}

/** Changes one field of one contact. */
export function changeContact(draft: OrganisationDraft, index: number, change: Partial<ContactDraft>): OrganisationDraft {
  return { ...draft, contacts: draft.contacts.map((c, i) => (i === index ? { ...c, ...change } : c)) };
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The request to send: texts trimmed, empty optional texts as null (the server checks everything again). */
export function toRequest(draft: OrganisationDraft): OrganisationRequest {
  return {
    name: draft.name.trim(), kind: draft.kind, notes: orNull(draft.notes),
    contacts: draft.contacts.map((c) => ({
      name: c.name.trim(), role: orNull(c.role), email: orNull(c.email), phone: orNull(c.phone), personId: c.personId, isRepresentative: c.isRepresentative,
    })),
  };
}

/** The control id of each field the server may refuse (its names: name, kind, notes, contacts, contacts[0].email …). */
export function organisationFieldIds(draft: OrganisationDraft): Record<string, string> {
  const ids: Record<string, string> = { name: 'org-name', kind: 'org-kind', notes: 'org-notes', contacts: 'org-contacts' };
  draft.contacts.forEach((_, i) => {
    for (const field of ['name', 'role', 'email', 'phone', 'personId']) ids[`contacts[${i}].${field}`] = `org-contact-${i}-${field === 'personId' ? 'person' : field}`;
  });
  return ids;
}

/** The representative of a saved organisation, if it has contacts. */
export function representativeOf(organisation: Organisation) {
  return organisation.contacts.find((c) => c.isRepresentative) ?? null;
}
