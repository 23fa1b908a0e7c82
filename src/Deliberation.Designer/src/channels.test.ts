import { describe, expect, it } from 'vitest';
import { channelKey } from './channels';
import { zhCN } from './i18n/zh-CN';

describe('channelKey', () => {
  it('names a reply by email, a link and a proxy answer in Chinese, and nothing for no answer', () => {
    expect(zhCN[channelKey('email-reply')!]).toBe('邮件回复');
    expect(zhCN[channelKey('link')!]).toBe('通过链接');
    expect(zhCN[channelKey('proxy')!]).toBe('楼长代填');
    expect(channelKey(null)).toBeNull();
    expect(channelKey('fax')).toBeNull();
  });
});
