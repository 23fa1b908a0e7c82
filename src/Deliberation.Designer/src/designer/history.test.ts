import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, push, redo, undo } from './history';

describe('history', () => {
  it('undo then redo returns to each snapshot in order', () => {
    let h = createHistory('a');
    h = push(h, 'b');
    h = push(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = push(push(createHistory(1), 2), 3);
    h = push(undo(h), 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('edits with the same merge key make one undo step', () => {
    let h = createHistory('');
    h = push(h, 'h', 'field');
    h = push(h, 'he', 'field');
    h = push(h, 'hey', 'field');
    expect(undo(h).present).toBe('');
  });
});
