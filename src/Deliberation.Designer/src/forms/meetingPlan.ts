import { fromBeijingInput } from '../beijingTime';
import type { StringKey } from '../i18n/zh-CN';

/** One candidate time as typed: the values of two datetime-local fields (Beijing time, e.g. 2026-12-01T19:00). */
export interface SlotText { start: string; end: string }

/** The plan form's fields as typed. */
export interface PlanText { name: string; place: string; chair: string; recorder: string; agenda: string; slots: SlotText[] }

/** Where a problem shows: a field's id in the form (plan-name, slot-0-end, …) or the slots' group. */
export type PlanProblems = Record<string, StringKey>;

/** The request body of a valid plan. */
export interface PlanRequest {
  name: string; place: string; chair: string | null; recorder: string | null; agenda: string[];
  slots: { start: string; end: string }[];
}

/** The longest meeting the server accepts (MeetingStore.PlanAsync). */
const maxMeetingHours = 12;

/**
 * Checks a meeting plan as the server will (MeetingStore.PlanAsync) and says where each problem is, so that it shows at
 * its field: a name and a place; two to five candidate times, each in the future, ending after it starts, at most
 * twelve hours long, no two starting together. Half-filled slots are errors, not silently dropped.
 */
export function checkPlan(plan: PlanText, now: Date): { request: PlanRequest | null; problems: PlanProblems } {
  const problems: PlanProblems = {};
  if (!plan.name.trim()) problems['plan-name'] = 'required';
  if (!plan.place.trim()) problems['plan-place'] = 'required';
  const agenda = plan.agenda.split('\n').map((a) => a.trim()).filter(Boolean);
  if (agenda.length > 20 || agenda.some((a) => a.length > 200)) problems['plan-agenda'] = 'agendaTooLong';
  const slots: { start: Date; end: Date }[] = [];
  const starts = new Set<number>();
  plan.slots.forEach((s, i) => {
    if (!s.start && !s.end) return;
    if (!s.start) { problems[`slot-${i}-start`] = 'slotStartMissing'; return; }
    if (!s.end) { problems[`slot-${i}-end`] = 'slotEndMissing'; return; }
    const start = fromBeijingInput(s.start);
    const end = fromBeijingInput(s.end);
    if (Number.isNaN(start.getTime())) { problems[`slot-${i}-start`] = 'slotInvalid'; return; }
    if (Number.isNaN(end.getTime())) { problems[`slot-${i}-end`] = 'slotInvalid'; return; }
    if (start.getTime() <= now.getTime()) { problems[`slot-${i}-start`] = 'slotInPast'; return; }
    if (end.getTime() <= start.getTime()) { problems[`slot-${i}-end`] = 'slotEndBeforeStart'; return; }
    if (end.getTime() - start.getTime() > maxMeetingHours * 3_600_000) { problems[`slot-${i}-end`] = 'slotTooLong'; return; }
    if (starts.has(start.getTime())) { problems[`slot-${i}-start`] = 'slotSameStart'; return; }
    starts.add(start.getTime());
    slots.push({ start, end });
  });
  const slotProblems = Object.keys(problems).some((k) => k.startsWith('slot-'));
  if (!slotProblems && (slots.length < 2 || slots.length > 5)) problems.slots = 'slotsCount';
  if (Object.keys(problems).length > 0) return { request: null, problems };
  return {
    request: {
      name: plan.name.trim(), place: plan.place.trim(), chair: plan.chair.trim() || null, recorder: plan.recorder.trim() || null, agenda,
      slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })),
    },
    problems,
  };
}

/** Where the server's field errors (name, place, chair, recorder, agenda, slots, pollClosesAt) show in the form. */
export const serverFieldIds: Record<string, string> = {
  name: 'plan-name', place: 'plan-place', chair: 'plan-chair', recorder: 'plan-recorder', agenda: 'plan-agenda', slots: 'slots', pollClosesAt: 'slots',
};
