import type { Need } from '../api/types';
import { fromBeijingInput } from '../beijingTime';

/** A need as the form holds it: every text as typed; the due date as a datetime-local value in Beijing time. */
export interface NeedDraft { title: string; description: string; kind: string; requesterPersonId: string | null; requesterName: string; dueAt: string }

/** The body of POST/PUT …/needs (NeedsApi.NeedRequest). */
export interface NeedRequest { title: string; description: string | null; kind: string; requesterPersonId: string | null; dueAt: string | null }

/** A new urgent need (急需解决), as most requests are. */
export function blankNeed(): NeedDraft {
  return { title: '', description: '', kind: 'urgent', requesterPersonId: null, requesterName: '', dueAt: '' };
}

/** A moment as a datetime-local value in Beijing time, e.g. 2026-12-01T19:00. */
export function toBeijingInput(at: string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/** The form's copy of a saved need. */
export function draftOf(need: Need): NeedDraft {
  return {
    title: need.title, description: need.description ?? '', kind: need.kind, requesterPersonId: need.requesterPersonId,
    requesterName: need.requesterName ?? '', dueAt: need.dueAt ? toBeijingInput(need.dueAt) : '',
  };
}

/** What the form sends: blanks as null; the due date as the moment the Beijing-time value names (an unreadable one as typed, for the server to refuse). */
export function toRequest(draft: NeedDraft): NeedRequest {
  const due = draft.dueAt.trim() ? fromBeijingInput(draft.dueAt.trim()) : null;
  return {
    title: draft.title, description: draft.description.trim() ? draft.description : null, kind: draft.kind, requesterPersonId: draft.requesterPersonId,
    dueAt: due === null ? null : Number.isNaN(due.getTime()) ? draft.dueAt : due.toISOString(),
  };
}

/** Where the server's field errors show: each field of NeedRequest at its control. */
export const needFieldIds: Record<string, string> = {
  title: 'need-title', description: 'need-description', kind: 'need-kind', requesterPersonId: 'need-requester', dueAt: 'need-due',
};

/** The statuses in their order, for the filter. */
export const needStatuses = ['open', 'published', 'claimed', 'done', 'confirmed', 'closed'] as const;

/** The query of the list for a status, a kind and the overdue box; empty parts are left out. */
export function needQuery(status: string, kind: string, overdueOnly: boolean): string {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (kind) query.set('kind', kind);
  if (overdueOnly) query.set('overdue', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Whether staff may still change a need (not confirmed or closed). */
export function canEdit(need: Need): boolean {
  return need.status !== 'confirmed' && need.status !== 'closed';
}
