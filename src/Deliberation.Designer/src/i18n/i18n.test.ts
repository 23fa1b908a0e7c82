import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format, pick, translate } from './I18n';
import { zhCN } from './zh-CN';

describe('i18n', () => {
  it('has every string in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(en[key].length, key).toBeGreaterThan(0);
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('defaults to Chinese and fills placeholders', () => {
    expect(translate('zh-CN', 'version', { n: 3 })).toBe('版本 3');
    expect(translate('en', 'version', { n: 3 })).toBe('Version 3');
    expect(format('{a}-{b}', { a: 1 })).toBe('1-{b}');
  });

  it('falls back to the other language when a text lacks one', () => {
    expect(pick('en', { 'zh-CN': '开始' })).toBe('开始');
    expect(pick('zh-CN', { en: 'Start' })).toBe('Start');
  });
});
