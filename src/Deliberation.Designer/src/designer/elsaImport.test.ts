import { describe, expect, it } from 'vitest';
import type { ImportNote } from '../api/types';
import { translate } from '../i18n/I18n';
import { importProblemText, noteText, splitNotes } from './elsaImport';

const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh-CN', key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);

function note(code: string, change: Partial<ImportNote> = {}): ImportNote {
  return { code, skipped: false, activityId: null, elsaType: null, detail: null, message: `server: ${code}`, ...change };
}

describe('noteText', () => {
  it('names an unsupported activity by its id and type, in Chinese', () => {
    const text = noteText(note('unsupported-activity', { skipped: true, activityId: 'Report', elsaType: 'Elsa.SendHttpRequest' }), zh);
    expect(text).toBe('活动“Report”（Elsa.SendHttpRequest）在本系统没有对应的活动，未导入。');
  });

  it('tells a connection left out with an activity from one naming no activity', () => {
    expect(noteText(note('connection-dropped', { skipped: true, activityId: 'Report', detail: 'Enough:False → Report' }), zh))
      .toContain('随活动“Report”一起未导入');
    expect(noteText(note('connection-dropped', { skipped: true, detail: 'a:Done → ghost' }), zh)).toContain('不存在的活动');
  });

  it('says where a Start was added, or that one was', () => {
    expect(noteText(note('start-added', { detail: 'Ask1' }), en)).toBe('The flowchart has no Start; one was added before "Ask1".');
    expect(noteText(note('start-added'), en)).toBe('The flowchart has no Start; one was added.');
  });

  it('falls back to the server sentence for a code it does not know', () => {
    expect(noteText(note('something-new'), zh)).toBe('server: something-new');
  });
});

describe('splitNotes', () => {
  it('puts what was left out apart from what came in changed, keeping the order', () => {
    const notes = [note('script-translated'), note('unsupported-activity', { skipped: true }), note('timer-waits-once'), note('connection-dropped', { skipped: true })];
    const { skipped, changed } = splitNotes(notes);
    expect(skipped.map((n) => n.code)).toEqual(['unsupported-activity', 'connection-dropped']);
    expect(changed.map((n) => n.code)).toEqual(['script-translated', 'timer-waits-once']);
  });
});

describe('importProblemText', () => {
  it('words a missing required input, and shows other problems with their place', () => {
    expect(importProblemText({ path: 'activities[Wait1].inputs.signal', code: 'required', message: 'x', activityId: 'Wait1', input: 'signal' }, zh))
      .toBe('活动“Wait1”缺少必填输入“signal”。');
    expect(importProblemText({ path: 'connections[0]', code: 'duplicate-connection', message: 'repeats', activityId: null, input: null }, zh))
      .toBe('connections[0]: repeats');
  });
});
