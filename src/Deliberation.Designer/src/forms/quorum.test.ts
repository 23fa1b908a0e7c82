import { describe, expect, it } from 'vitest';
import { normalizeQuorum, quorumProblem } from './quorum';

describe('quorum', () => {
  it('accepts fractions above 0 and at most 1, typed with a Chinese input method too', () => {
    expect(quorumProblem('2/3', false)).toBeNull();
    expect(quorumProblem(' 1 / 1 ', false)).toBeNull();
    expect(normalizeQuorum('２／３')).toBe('2/3');
    expect(quorumProblem('2／3', false)).toBeNull();
  });

  it('says what is wrong: missing, not a fraction, out of range', () => {
    expect(quorumProblem('', false)).toBe('required');
    expect(quorumProblem('0.5', false)).toBe('quorumNotFraction');
    expect(quorumProblem('一半', false)).toBe('quorumNotFraction');
    expect(quorumProblem('3/2', false)).toBe('quorumOutOfRange');
    expect(quorumProblem('0/3', false)).toBe('quorumOutOfRange');
    expect(quorumProblem('1/0', false)).toBe('quorumOutOfRange');
    expect(quorumProblem('1/2000', false)).toBe('quorumOutOfRange');
  });

  it('holds a co-owners decision to at least two thirds (Civil Code Art. 278)', () => {
    expect(quorumProblem('1/2', true)).toBe('quorumCoOwners');
    expect(quorumProblem('2/3', true)).toBeNull();
    expect(quorumProblem('3/4', true)).toBeNull();
  });
});
