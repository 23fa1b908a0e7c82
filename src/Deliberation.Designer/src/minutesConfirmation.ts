import type { MinutesConfirmationView } from './api/types';

/** How many of those asked confirmed, objected and have not answered, and how many objections wait for staff. */
export function confirmationCounts(view: MinutesConfirmationView): { confirmed: number; objected: number; none: number; open: number } {
  const count = (answer: string | null) => view.participants.filter((p) => p.answer === answer).length;
  return { confirmed: count('confirmed'), objected: count('objected'), none: count(null), open: view.objections.filter((o) => o.status === 'open').length };
}
