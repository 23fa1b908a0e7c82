/** Undo/redo over immutable snapshots. Consecutive edits with the same merge key (typing in one field) make one step. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  lastKey: string | null;
}

export const historyLimit = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

export function push<T>(h: History<T>, next: T, mergeKey: string | null = null): History<T> {
  if (next === h.present) return h;
  if (mergeKey !== null && mergeKey === h.lastKey) return { ...h, present: next, future: [] };
  const past = [...h.past, h.present];
  if (past.length > historyLimit) past.shift();
  return { past, present: next, future: [], lastKey: mergeKey };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastKey: null };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), lastKey: null };
}

export const canUndo = <T,>(h: History<T>) => h.past.length > 0;
export const canRedo = <T,>(h: History<T>) => h.future.length > 0;
