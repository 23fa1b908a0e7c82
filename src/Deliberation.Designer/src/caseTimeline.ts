import type { ActionItemView, CaseView, ElectionView, MeetingView } from './api/types';
import type { StringKey } from './i18n/zh-CN';

/** One thing that happened in a case, as staff tell it: when, and what in plain words. */
export interface CaseEvent { at: string; text: string }

type T = (key: StringKey, values?: Record<string, string | number>) => string;

/** What the timeline is made of: what the deliberation page has read about the case. */
export interface CaseFacts {
  startedAt: string;
  kase: CaseView | null;
  elections: { election: ElectionView; title: string }[];
  meetings: MeetingView[];
  actionItems: ActionItemView[];
  followUpAnswered: number | null;
}

/**
 * The case's story in plain words, oldest first: launched, the stakeholders identified, each election's nominations
 * and count, each meeting with its votes and minutes, each action item done, the follow-up, the close — from the case's
 * own records, not from the workflow's journal (which stays for administrators).
 */
export function caseTimeline(t: T, facts: CaseFacts, now: Date = new Date()): CaseEvent[] {
  const events: CaseEvent[] = [{ at: facts.startedAt, text: t('eventLaunched') }];
  const past = (at: string | null | undefined): at is string => !!at && new Date(at).getTime() <= now.getTime();
  if (facts.kase) events.push({ at: facts.kase.createdAt, text: t('eventIdentified', { groups: facts.kase.groups.map((g) => g.name).join('、') }) });
  for (const { election: e, title } of facts.elections) {
    if (e.status !== 'nominating' && past(e.nominationsCloseAt))
      events.push({ at: e.nominationsCloseAt, text: t('eventNominationsClosed', { election: title, n: e.candidates.length }) });
    if (e.status === 'counted' && past(e.ballotClosesAt)) {
      const elected = e.candidates.filter((c) => c.elected).map((c) => c.name).join('、');
      events.push({ at: e.ballotClosesAt, text: t('eventCounted', { election: title, cast: e.ballotsCast, issued: e.ballotsIssued, elected }) });
    }
  }
  for (const m of facts.meetings) {
    if (m.meeting.status === 'cancelled') events.push({ at: m.meeting.closedAt ?? m.meeting.pollClosesAt, text: t('eventMeetingCancelled', { name: m.meeting.name }) });
    if (m.meeting.startsAt && past(m.meeting.startsAt) && m.meeting.status !== 'cancelled')
      events.push({ at: m.meeting.startsAt, text: t('eventMeetingHeld', { name: m.meeting.name, place: m.meeting.place, present: m.participants.filter((p) => p.present === true).length }) });
    for (const v of m.votes) {
      if (v.vote.closedAt) events.push({ at: v.vote.closedAt, text: t(v.vote.passed ? 'eventVotePassed' : 'eventVoteFailed', { question: v.vote.question, yes: v.tally.yes, no: v.tally.no }) });
    }
    const filed = m.minutes.find((x) => x.culture !== 'en') ?? m.minutes[0];
    if (filed) events.push({ at: filed.filedAt, text: t('eventMinutesFiled', { name: m.meeting.name }) });
  }
  for (const i of facts.actionItems) if (i.doneAt) events.push({ at: i.doneAt, text: t('eventItemDone', { title: i.title, party: i.responsibleParty }) });
  if (facts.kase?.closedAt) {
    events.push({ at: facts.kase.closedAt, text: facts.followUpAnswered != null ? t('eventClosedAfterFollowUp', { n: facts.followUpAnswered }) : t('eventClosed') });
  }
  // Stable by time: what happened in the same second keeps the order of the story.
  return events.map((e, i) => ({ e, i })).sort((a, b) => new Date(a.e.at).getTime() - new Date(b.e.at).getTime() || a.i - b.i).map((x) => x.e);
}
