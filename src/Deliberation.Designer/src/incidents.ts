import type { IncidentRow } from './api/types';
import type { StringKey } from './i18n/zh-CN';
import { beijingTime } from './beijingTime';

/**
 * Engine incidents carry the failed activity's exception type and its English message, no code. The messages the
 * activities and the template renderer raise are fixed sentences (Deliberation.Engine, .Integrations, .Persistence
 * activities), so each known sentence is recognised here, given a code and told in the page's language with the
 * parts it names (a template, an input, a date). Anything else — a database timeout, a new activity — shows as it came.
 */
interface IncidentPattern { code: string; key: StringKey; pattern: RegExp }

const input = String.raw`Input '(?<input>[^']+)' of activity '(?<activity>[^']+)'`;

const patterns: IncidentPattern[] = [
  { code: 'template-missing', key: 'incidentTemplateMissing', pattern: /^Template '(?<name>[^']+)' does not exist\.$/ },
  { code: 'template-name', key: 'incidentTemplateName', pattern: /^Template name '(?<name>[^']+)' is not a plain file name/ },
  { code: 'template-syntax', key: 'incidentTemplateSyntax', pattern: /^Template '(?<name>[^']+)' has errors: (?<detail>[\s\S]*)$/ },
  { code: 'template-failed', key: 'incidentTemplateFailed', pattern: /^Template '(?<name>[^']+)' failed: (?<detail>[\s\S]*)$/ },
  { code: 'script-error', key: 'incidentScript', pattern: /^Scriban (?:syntax )?error: (?<detail>[\s\S]*)$/ },
  { code: 'input-empty', key: 'incidentInputEmpty', pattern: new RegExp(`^${input} evaluated to an empty value\\.$`) },
  { code: 'input-not-duration', key: 'incidentInputDuration', pattern: new RegExp(`^${input} is not a duration`) },
  { code: 'input-not-datetime', key: 'incidentInputDateTime', pattern: new RegExp(`^${input} is not an ISO 8601 date and time\\.$`) },
  { code: 'input-not-id', key: 'incidentInputId', pattern: new RegExp(`^${input} is not an id\\.$`) },
  { code: 'input-not-array', key: 'incidentInputArray', pattern: new RegExp(`^${input} must be an array`) },
  { code: 'quiet-hours', key: 'incidentQuietHours', pattern: /^Input 'quietHours' of activity '[^']+' is '(?<value>[^']*)': expected HH:mm-HH:mm/ },
  { code: 'meeting-reminders', key: 'incidentReminders', pattern: /^Input 'reminders' of activity '[^']+': '(?<value>[^']*)' is not a positive duration/ },
  { code: 'max-rounds', key: 'incidentMaxRounds', pattern: /^Input 'maxRounds' of activity '[^']+' must be at least 1\.$/ },
  { code: 'unknown-input', key: 'incidentUnknownInput', pattern: /^Activity type '(?<type>[^']+)' has no input '(?<input>[^']+)'\.$/ },
  { code: 'no-recipient', key: 'incidentNoRecipient', pattern: /^Activity '[^']+' has no recipient\.$/ },
  { code: 'needs-community', key: 'incidentNeedsCommunity', pattern: /^Activity '[^']+' needs an instance of a community/ },
  { code: 'panel-empty', key: 'incidentPanelEmpty', pattern: /^The case's panel is empty/ },
  { code: 'changed-meanwhile', key: 'incidentChangedMeanwhile', pattern: /^(?:Meeting \S+ changed while|The ballots changed while they were counted)/ },
  { code: 'vote-open', key: 'incidentVoteOpen', pattern: /^Vote \S+ is still open\.$/ },
  { code: 'meeting-not-closed', key: 'incidentMeetingNotClosed', pattern: /^Meeting \S+ is \S+; minutes are filed once it is closed\.$/ },
  { code: 'meeting-not-polled', key: 'incidentMeetingNotPolled', pattern: /^Meeting \S+ is \S+; only a polled meeting can be scheduled\.$/ },
  { code: 'meeting-missing', key: 'incidentMeetingMissing', pattern: /^The community has no meeting \S+\.$/ },
  { code: 'complaint-missing', key: 'incidentComplaintMissing', pattern: /^The community has no complaint \S+\.$/ },
  { code: 'vote-missing', key: 'incidentVoteMissing', pattern: /^(?:There is no vote \S+|Vote \S+ is not of this community)\.$/ },
  { code: 'nominations-open', key: 'incidentNominationsOpen', pattern: /^Election \S+ is still taking nominations/ },
  { code: 'ballot-open', key: 'incidentBallotOpen', pattern: /^The ballot of election \S+ is open until (?<until>\S+); count after the deadline\.$/ },
  { code: 'no-elections', key: 'incidentNoElections', pattern: /^The group has no layer-(?<layer>\d+) elections to count\.$/ },
  { code: 'election-windows', key: 'incidentElectionWindows', pattern: /^The nomination and ballot windows must be longer than zero\.$/ },
  { code: 'election-seats', key: 'incidentSeats', pattern: /^Seats must be (?<min>\d+)–(?<max>\d+)\.$/ },
  { code: 'tie-rule', key: 'incidentTieRule', pattern: /^Tie rule must be one of: (?<rules>.*)\.$/ },
  { code: 'remind-before', key: 'incidentRemindBefore', pattern: /^Remind before must be (?:between 0 and 30 days|longer than zero and at most a year)\.$/ },
  { code: 'follow-up-window', key: 'incidentFollowUpWindow', pattern: /^The follow-up window must be longer than zero and at most a year\.$/ },
  { code: 'escalation-invalid', key: 'incidentEscalationInvalid', pattern: /^The escalation is not valid: / },
];

/** A recognised incident: its code, the message key and the parts of the message it names. */
export interface IncidentMeaning { code: string; key: StringKey; values: Record<string, string> }

/** The code and named parts of an incident's message, or null for a message this page does not know. */
export function incidentMeaning(incident: Pick<IncidentRow, 'message'>): IncidentMeaning | null {
  const message = incident.message.trim();
  for (const p of patterns) {
    const match = p.pattern.exec(message);
    if (match) return { code: p.code, key: p.key, values: { ...match.groups } };
  }
  return null;
}

/**
 * The incident in the page's language: the known sentence translated (a date it names in Beijing time), else the
 * engine's message as it is, so that nothing is hidden.
 */
export function incidentText(t: (key: StringKey, values?: Record<string, string | number>) => string, lang: string,
  incident: Pick<IncidentRow, 'message'>): string {
  const meaning = incidentMeaning(incident);
  if (!meaning) return incident.message;
  const values = { ...meaning.values };
  if (values.until && !Number.isNaN(Date.parse(values.until)))
    values.until = beijingTime(values.until, lang, 'medium');
  return t(meaning.key, values);
}
