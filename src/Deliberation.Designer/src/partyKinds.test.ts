import { describe, expect, it } from 'vitest';
import { translate } from './i18n/I18n';
import { partyKindLabel } from './partyKinds';

describe('partyKindLabel', () => {
  const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
  const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

  it('names every party and advisor kind in words, not codes', () => {
    expect(partyKindLabel(zh, 'residents-committee')).toBe('居委会');
    expect(partyKindLabel(zh, 'grid-party-branch')).toBe('网格党支部');
    expect(partyKindLabel(zh, 'lawyer')).toBe('律师');
    expect(partyKindLabel(en, 'owners-committee')).toBe("owners' committee");
  });

  it('shows a kind it does not know as it is, and nothing for none', () => {
    expect(partyKindLabel(zh, '老年协会')).toBe('老年协会');
    expect(partyKindLabel(zh, null)).toBe('');
  });
});
