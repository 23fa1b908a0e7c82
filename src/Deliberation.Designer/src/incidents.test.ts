import { describe, expect, it } from 'vitest';
import { translate } from './i18n/I18n';
import { incidentMeaning, incidentText } from './incidents';

const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh-CN', key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);

// Messages as the engine, the template renderer and the deliberation activities raise them.
const samples: [string, string][] = [
  ["Template 'no-such-template.scriban' does not exist.", 'template-missing'],
  ["Template name '../x' is not a plain file name under the templates folder.", 'template-name'],
  ["Template 'notice.scriban' has errors: line 3, column 5: unclosed block", 'template-syntax'],
  ["Template 'notice.scriban' failed: object not found", 'template-failed'],
  ['Scriban syntax error: <input>(1,4) : error : Unexpected token', 'script-error'],
  ["Input 'to' of activity 'notify' evaluated to an empty value.", 'input-empty'],
  ["Input 'duration' of activity 'wait' is not a duration: use PT24H, 24h, 30m or 1.00:00:00.", 'input-not-duration'],
  ["Input 'until' of activity 'deadline' is not an ISO 8601 date and time.", 'input-not-datetime'],
  ["Input 'groupId' of activity 'open' is not an id.", 'input-not-id'],
  ["Input 'items' of activity 'each' must be an array, not String.", 'input-not-array'],
  ["Input 'quietHours' of activity 'schedule' is '22-7': expected HH:mm-HH:mm, e.g. 22:00-07:00.", 'quiet-hours'],
  ["Input 'reminders' of activity 'schedule': 'soon' is not a positive duration such as 24h or 2h.", 'meeting-reminders'],
  ["Input 'maxRounds' of activity 'round' must be at least 1.", 'max-rounds'],
  ["Activity type 'Delay' has no input 'until'.", 'unknown-input'],
  ["Activity 'notify' has no recipient.", 'no-recipient'],
  ["Activity 'identify' needs an instance of a community: start it by anchoring a complaint, or give communityId.", 'needs-community'],
  ["The case's panel is empty: add representatives, parties and advisors before polling a meeting time.", 'panel-empty'],
  ['Meeting 0190a1b2-0000-7000-8000-000000000000 changed while its quorum was checked.', 'changed-meanwhile'],
  ['The ballots changed while they were counted; nothing was written.', 'changed-meanwhile'],
  ['Vote 0190a1b2-0000-7000-8000-000000000000 is still open.', 'vote-open'],
  ['Meeting 0190a1b2-0000-7000-8000-000000000000 is scheduled; minutes are filed once it is closed.', 'meeting-not-closed'],
  ['Meeting 0190a1b2-0000-7000-8000-000000000000 is closed; only a polled meeting can be scheduled.', 'meeting-not-polled'],
  ['The community has no meeting 0190a1b2-0000-7000-8000-000000000000.', 'meeting-missing'],
  ['The community has no complaint 0190a1b2-0000-7000-8000-000000000000.', 'complaint-missing'],
  ['There is no vote 0190a1b2-0000-7000-8000-000000000000.', 'vote-missing'],
  ['Election 0190a1b2-0000-7000-8000-000000000000 is still taking nominations; close them first.', 'nominations-open'],
  ['The ballot of election 0190a1b2-0000-7000-8000-000000000000 is open until 2026-11-30T12:00:00.0000000+00:00; count after the deadline.', 'ballot-open'],
  ['The group has no layer-2 elections to count.', 'no-elections'],
  ['The nomination and ballot windows must be longer than zero.', 'election-windows'],
  ['Seats must be 1–3.', 'election-seats'],
  ['Tie rule must be one of: lot, runoff.', 'tie-rule'],
  ['Remind before must be between 0 and 30 days.', 'remind-before'],
  ['Remind before must be longer than zero and at most a year.', 'remind-before'],
  ['The follow-up window must be longer than zero and at most a year.', 'follow-up-window'],
  ['The escalation is not valid: subject: Required.', 'escalation-invalid'],
];

describe('incidents', () => {
  it.each(samples)('recognises %s', (message, code) => {
    expect(incidentMeaning({ message })?.code).toBe(code);
  });

  it('tells every known incident in both languages with nothing left unfilled', () => {
    for (const [message] of samples) {
      for (const [t, lang] of [[zh, 'zh-CN'], [en, 'en']] as const) {
        const text = incidentText(t, lang, { message });
        expect(text, message).not.toMatch(/\{\w+\}/);
        if (lang === 'zh-CN') expect(text, message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('names what the message names, a deadline in Beijing time', () => {
    expect(incidentText(zh, 'zh-CN', { message: "Template 'no-such-template.scriban' does not exist." }))
      .toBe('模板文件“no-such-template.scriban”不存在，请检查流程中填写的模板名称，或请管理员补上该模板。');
    expect(incidentText(zh, 'zh-CN', { message: "Input 'quietHours' of activity 'schedule' is '22-7': expected HH:mm-HH:mm, e.g. 22:00-07:00." }))
      .toBe('免打扰时段“22-7”格式不对，应写成 HH:mm-HH:mm，如 22:00-07:00。');
    expect(incidentText(zh, 'zh-CN', { message: samples.find(([, c]) => c === 'ballot-open')![0] })).toContain('20:00');
  });

  it('shows an unknown message as the engine gave it', () => {
    const message = 'Npgsql.NpgsqlException: Exception while reading from stream';
    expect(incidentMeaning({ message })).toBeNull();
    expect(incidentText(zh, 'zh-CN', { message })).toBe(message);
  });
});
