import type { StringKey } from '../i18n/zh-CN';

/** The quorum as the API takes it (`2/3`): full-width digits and slashes typed with a Chinese input method become ASCII, spaces go. */
export function normalizeQuorum(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xFF10 + 48))
    .replace(/[\uFF0F\u2044\u2215]/g, '/')
    .replace(/\s+/g, '');
}

/**
 * What is wrong with a quorum, as a message key, or null. The same limits as the server's (RulesDocument.ParseFraction and
 * RulesOfProcedure.Validate): a fraction a/b with 1 ≤ b ≤ 1000, above 0 and at most 1; at least 2/3 for a co-owners' decision
 * (Civil Code Art. 278), so that the staff see the problem at the field, in their language, before saving.
 */
export function quorumProblem(text: string, coOwners: boolean): StringKey | null {
  const value = normalizeQuorum(text);
  if (value === '') return 'required';
  const match = /^(\d{1,7})\/(\d{1,4})$/.exec(value);
  if (!match) return 'quorumNotFraction';
  const numerator = Number(match[1]);
  const denominator = Number(match[2]);
  if (denominator < 1 || denominator > 1000 || numerator === 0 || numerator > denominator) return 'quorumOutOfRange';
  if (coOwners && numerator * 3 < denominator * 2) return 'quorumCoOwners';
  return null;
}
