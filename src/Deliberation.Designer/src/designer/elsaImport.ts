import type { DefinitionProblem, ImportNote } from '../api/types';
import type { StringKey } from '../i18n/zh-CN';

type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

const noteKeys: Record<string, StringKey> = {
  'unsupported-activity': 'elsaNoteUnsupported',
  'composite-activity': 'elsaNoteComposite',
  'activity-without-id': 'elsaNoteWithoutId',
  'set-variable-without-variable': 'elsaNoteSetVariableUnknown',
  'unknown-port': 'elsaNoteUnknownPort',
  'script-translated': 'elsaNoteScriptTranslated',
  'script-not-translated': 'elsaNoteScriptNotTranslated',
  'condition-missing': 'elsaNoteConditionMissing',
  'switch-without-cases': 'elsaNoteSwitchWithoutCases',
  'timer-waits-once': 'elsaNoteTimerOnce',
  'email-field-dropped': 'elsaNoteEmailField',
  'unknown-variable': 'elsaNoteUnknownVariable',
  'variable-renamed': 'elsaNoteVariableRenamed',
  'input-renamed': 'elsaNoteInputRenamed',
  'activity-id-changed': 'elsaNoteActivityId',
};

/** A note of the import's report in the page's language, by its code; a code this page does not know shows the server's sentence. */
export function noteText(note: ImportNote, t: Translate): string {
  const values = { activity: note.activityId ?? '', type: note.elsaType ?? '', detail: note.detail ?? '' };
  if (note.code === 'connection-dropped') return t(note.activityId ? 'elsaNoteConnectionDropped' : 'elsaNoteConnectionUnknown', values);
  if (note.code === 'start-added') return t(note.detail ? 'elsaNoteStartAdded' : 'elsaNoteStartAddedEmpty', values);
  const key = noteKeys[note.code];
  return key ? t(key, values) : note.message;
}

/** The report split as the page shows it: what was left out, then what came in changed. */
export function splitNotes(notes: ImportNote[]): { skipped: ImportNote[]; changed: ImportNote[] } {
  return { skipped: notes.filter((n) => n.skipped), changed: notes.filter((n) => !n.skipped) };
}

/** A problem of a refused import (the validator's): a missing required input in words, others as the server says them. */
export function importProblemText(problem: DefinitionProblem, t: Translate): string {
  return problem.code === 'required' && problem.activityId && problem.input
    ? t('elsaProblemRequired', { activity: problem.activityId, input: problem.input })
    : `${problem.path}: ${problem.message}`;
}
