import type { Need } from './api/types';

/** The needs list at a glance, for the dashboard: how much is outstanding, what is overdue and who claimed what. */
export interface NeedsGlance {
  /** Open, published or claimed: work still to do. */
  outstanding: number;
  urgent: number;
  longTerm: number;
  /** Published, waiting for someone to claim it. */
  waitingForClaim: number;
  /** Reported done, the requester not asked yet (回访). */
  awaitingConfirmation: number;
  /** Past their due date and not done, the most overdue first. */
  overdue: Need[];
  /** Claimed and being carried out, the soonest due first. */
  claimed: Need[];
}

const outstanding = (n: Need) => n.status === 'open' || n.status === 'published' || n.status === 'claimed';

/** Earliest due date first; needs without one last. */
const due = (n: Need) => (n.dueAt ? Date.parse(n.dueAt) : Number.POSITIVE_INFINITY);
const byDue = (a: Need, b: Need) => due(a) - due(b) || a.title.localeCompare(b.title);

/** Counts and picks out what the dashboard shows of the needs list. */
export function needsGlance(needs: Need[]): NeedsGlance {
  const open = needs.filter(outstanding);
  return {
    outstanding: open.length,
    urgent: open.filter((n) => n.kind === 'urgent').length,
    longTerm: open.filter((n) => n.kind === 'long-term').length,
    waitingForClaim: needs.filter((n) => n.status === 'published').length,
    awaitingConfirmation: needs.filter((n) => n.status === 'done' && n.satisfied === null).length,
    overdue: needs.filter((n) => n.overdue).sort(byDue),
    claimed: needs.filter((n) => n.status === 'claimed').sort(byDue),
  };
}
