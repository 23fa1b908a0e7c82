import type { DefinitionProblem, WorkflowDefinition, WorkflowSchedule } from '../api/types';

/** The zone a schedule reads its cron in when it names none (the server's default too). */
export const beijingZone = 'Asia/Shanghai';

/** What a new schedule starts as: 09:00 on the 1st of every month (三必做: a residents' deliberation each month). */
export const monthlyCron = '0 9 1 * *';

const weekdaysZh = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekdaysEn = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const number = /^\d{1,2}$/;

/**
 * A cron in words for the common shapes — monthly on a day, weekly on a weekday, daily — at a fixed minute and hour;
 * null for anything else, which the panel shows as the cron itself.
 */
export function describeCron(cron: string, lang: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  if (!number.test(minute) || !number.test(hour) || Number(minute) > 59 || Number(hour) > 23 || month !== '*') return null;
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  const zh = lang === 'zh-CN';
  if (number.test(day) && weekday === '*' && Number(day) >= 1 && Number(day) <= 31) {
    return zh ? `每月${Number(day)}日 ${time}` : `monthly on day ${Number(day)} at ${time}`;
  }
  if (day === '*' && /^[0-7]$/.test(weekday)) {
    const w = Number(weekday) % 7;
    return zh ? `每${weekdaysZh[w]} ${time}` : `every ${weekdaysEn[w]} at ${time}`;
  }
  if (day === '*' && weekday === '*') return zh ? `每天 ${time}` : `daily at ${time}`;
  return null;
}

/** The document with its schedule replaced; undefined removes it (the workflow is then started only by people). */
export function setSchedule(doc: WorkflowDefinition, schedule: WorkflowSchedule | undefined): WorkflowDefinition {
  const next = { ...doc };
  if (schedule) next.schedule = schedule;
  else delete next.schedule;
  return next;
}

/** A schedule input's value as typed: numbers and true/false become their JSON values for number and boolean inputs; empty removes it. */
export function scheduleInputValue(type: string, text: string): unknown {
  if (text.trim() === '') return undefined;
  if (type.toLowerCase() === 'number' && !Number.isNaN(Number(text))) return Number(text);
  if (type.toLowerCase() === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The schedule with one input set (or removed when <paramref>value</paramref> is undefined). */
export function withScheduleInput(schedule: WorkflowSchedule, name: string, value: unknown): WorkflowSchedule {
  const input = { ...(schedule.input ?? {}) };
  if (value === undefined) delete input[name];
  else input[name] = value;
  return { ...schedule, input: Object.keys(input).length > 0 ? input : null };
}

/** The server's problems that concern the schedule (their paths start with <c>schedule</c>). */
export function scheduleProblems(problems: DefinitionProblem[]): DefinitionProblem[] {
  return problems.filter((p) => p.path === 'schedule' || p.path.startsWith('schedule.'));
}
