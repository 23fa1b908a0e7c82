import type { StringKey } from './i18n/zh-CN';

/** The signals staff actions send, by name, as staff call them; action-item signals carry the item's id. */
const signalKeys: Record<string, StringKey> = {
  'meeting-planned': 'signalMeetingPlanned',
  'vote-closed': 'signalVoteClosed',
  'meeting-closed': 'signalMeetingClosed',
  'tie-decided': 'signalTieDecided',
  'follow-up-complete': 'signalFollowUpComplete',
  'minutes-confirmed': 'signalMinutesConfirmed',
  'nominations-closed': 'signalNominationsClosed',
  'ballots-closed': 'signalBallotsClosed',
  'time-poll-closed': 'signalTimePollClosed',
};

/** The words for a signal, or null for one the UI has none for (shown by its name). */
export function signalKey(name: string): StringKey | null {
  if (name.startsWith('action-item-done-')) return 'signalActionItemDone';
  // 征询参与者 waits on its own answers' signal, named after its execution.
  if (name.startsWith('ask-answered-')) return 'signalAskAnswered';
  return signalKeys[name] ?? null;
}
