import { describe, expect, it } from 'vitest';
import { parseYuan } from './ActionItemForm';

describe('parseYuan', () => {
  it('reads yuan as staff type them, full-width digits and separators too', () => {
    expect(parseYuan('30000')).toBe(30000);
    expect(parseYuan('３００００')).toBe(30000);
    expect(parseYuan('1,250.5元')).toBe(1250.5);
    expect(parseYuan(' 50，000 ')).toBe(50000);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('五万')).toBeNull();
  });
});
