import { describe, expect, it } from 'vitest';
import { splitDuration } from './DurationField';

describe('splitDuration', () => {
  it('reads the workflow’s shorthand as a number and a unit', () => {
    expect(splitDuration('3d')).toEqual({ amount: '3', unit: 'd' });
    expect(splitDuration('24h')).toEqual({ amount: '24', unit: 'h' });
    expect(splitDuration('0s')).toEqual({ amount: '0', unit: 's' });
    expect(splitDuration('d')).toEqual({ amount: '', unit: 'd' });
    expect(splitDuration('')).toEqual({ amount: '', unit: 'd' });
  });

  it('leaves another form as text', () => {
    expect(splitDuration('PT12H')).toBeNull();
    expect(splitDuration('1.00:00:00')).toBeNull();
  });
});
