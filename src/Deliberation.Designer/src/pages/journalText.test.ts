import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { kindText, outcomeText } from './DeliberationPage';

describe('journal text', () => {
  const zh = (key: StringKey) => translate('zh-CN', key);
  const en = (key: StringKey) => translate('en', key);

  it('leaves out "Done" and says the ports of the deliberation in the page language', () => {
    expect(outcomeText(zh, 'Done')).toBe('');
    expect(outcomeText(zh, null)).toBe('');
    expect(outcomeText(zh, 'Decided')).toBe('已形成决议');
    expect(outcomeText(en, 'NotMet')).toBe('Quorum not met');
  });

  it('shows an outcome it does not know (a fork branch) as code', () => {
    expect(outcomeText(zh, 'vote,close')).toMatchObject({ type: 'code', props: { children: 'vote,close' } });
    expect(kindText(zh, 'SomethingNew')).toBe('SomethingNew');
  });
});
