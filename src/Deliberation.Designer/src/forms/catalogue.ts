import type { CommunityCatalogue, LaunchProposal, Matter } from '../api/types';

/** A kind of matter as the catalogue form holds it: every text as typed; complaints is how many complaints are of it (then it stays). */
export interface MatterDraft { code: string; zh: string; en: string; definitionId: string; advisors: string[]; rulesTemplate: string; complaints: number }

/** The body of PUT …/catalogue (CatalogueApi.CatalogueRequest). */
export interface CatalogueRequest {
  matters: { code: string; zh: string; en: string; definitionId: string | null; advisors: string[]; rulesTemplate: string | null }[];
}

/** The advisor kinds a kind of matter may require, in the order the form offers them. */
export const advisorKinds = ['lawyer', 'accountant'] as const;

/** The form's copy of the community's catalogue. */
export function draftOf(catalogue: CommunityCatalogue): MatterDraft[] {
  return catalogue.matters.map((m: Matter) => ({
    code: m.code, zh: m.zh, en: m.en, definitionId: m.definitionId ?? '', advisors: [...(m.advisors ?? [])], rulesTemplate: m.rulesTemplate ?? '',
    complaints: m.complaints ?? 0,
  }));
}

/** Adds an empty kind at the end. */
export function addMatter(draft: MatterDraft[]): MatterDraft[] {
  return [...draft, { code: '', zh: '', en: '', definitionId: '', advisors: [], rulesTemplate: '', complaints: 0 }];
}

/** Removes a kind, unless complaints are of it (the server would refuse: their code must stay valid). */
export function removeMatter(draft: MatterDraft[], index: number): MatterDraft[] {
  return (draft[index]?.complaints ?? 0) > 0 ? draft : draft.filter((_, i) => i !== index);
}

/** Moves a kind one place up (-1) or down (+1); at either end nothing moves. */
export function moveMatter(draft: MatterDraft[], index: number, by: -1 | 1): MatterDraft[] {
  const to = index + by;
  if (to < 0 || to >= draft.length) return draft;
  const next = [...draft];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Changes one field of one kind. */
export function changeMatter(draft: MatterDraft[], index: number, change: Partial<MatterDraft>): MatterDraft[] {
  return draft.map((m, i) => (i === index ? { ...m, ...change } : m));
}

/** Requires an advisor kind, or no longer; the kinds stay in the form's order (律师 before 会计师). */
export function toggleAdvisor(draft: MatterDraft[], index: number, kind: string): MatterDraft[] {
  const matter = draft[index];
  if (!matter) return draft;
  const has = matter.advisors.includes(kind);
  const wanted = advisorKinds.filter((k) => (k === kind ? !has : matter.advisors.includes(k)));
  return changeMatter(draft, index, { advisors: [...wanted, ...matter.advisors.filter((k) => !(advisorKinds as readonly string[]).includes(k))] });
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The request to send: texts trimmed, no workflow or template as null (the server checks everything again). */
export function toRequest(draft: MatterDraft[]): CatalogueRequest {
  return {
    matters: draft.map((m) => ({
      code: m.code.trim(), zh: m.zh.trim(), en: m.en.trim(), definitionId: orNull(m.definitionId), advisors: m.advisors, rulesTemplate: orNull(m.rulesTemplate),
    })),
  };
}

/** The control id of each field the server may refuse (matters, matters[0].code …). */
export function catalogueFieldIds(draft: MatterDraft[]): Record<string, string> {
  const ids: Record<string, string> = { matters: 'catalogue-matters' };
  draft.forEach((_, i) => {
    for (const field of ['code', 'zh', 'en', 'definitionId', 'advisors', 'rulesTemplate']) ids[`matters[${i}].${field}`] = `matter-${i}-${field}`;
  });
  return ids;
}

/** Staff's advisor choices on the launch form: the person chosen for each kind ('' for nobody now). */
export type AdvisorSelection = Record<string, string>;

/** The choices a proposal starts with: its proposed person for each kind, or nobody. */
export function proposedSelection(proposal: LaunchProposal | null | undefined): AdvisorSelection {
  return Object.fromEntries((proposal?.advisors ?? []).map((a) => [a.kind, a.proposedPersonId ?? '']));
}

/** The anchor request's advisors: every kind the proposal requires, with the person chosen or null. */
export function advisorChoices(proposal: LaunchProposal | null | undefined, selection: AdvisorSelection): { kind: string; personId: string | null }[] {
  return (proposal?.advisors ?? []).map((a) => ({ kind: a.kind, personId: selection[a.kind] || null }));
}

/** The kinds nobody will be seated for: none on the roster, or staff chose nobody. */
export function missingKinds(proposal: LaunchProposal | null | undefined, selection: AdvisorSelection): string[] {
  return (proposal?.advisors ?? []).filter((a) => !selection[a.kind]).map((a) => a.kind);
}
