// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18n';
import { BuildingChatMessages, type BuildingChatMessage } from './BuildingChatMessages';

const text = '【大龙社区公示】1栋的各位邻居：\n大龙社区：老人上楼难 已列为协商议题\n详情及留言：https://yiyi.example.cn/s/abcdefghjk\n公示期内可点开链接查看全文、留言或提出异议；如有疑问请联系楼长。';
const messages: BuildingChatMessage[] = [
  { buildingId: 'b1', building: '1栋', message: text, notices: [{ noticeId: 'n1', title: '【公示】大龙社区：老人上楼难 已列为协商议题', shortUrl: 'https://yiyi.example.cn/s/abcdefghjk' }] },
  { buildingId: 'b3', building: '3栋', message: null, notices: [] },
];

afterEach(() => { cleanup(); localStorage.clear(); vi.unstubAllGlobals(); });

describe('BuildingChatMessages', () => {
  it('shows each building\'s message in Chinese and copies it with 复制', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<I18nProvider><BuildingChatMessages messages={messages} /></I18nProvider>);
    expect(screen.getByText('楼栋群消息')).toBeTruthy();
    expect((screen.getByLabelText('1栋的群消息') as HTMLTextAreaElement).value).toBe(text);
    expect(screen.getByText('目前没有可发的公示。')).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: '复制' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(screen.getByText('已复制，可以粘贴到楼栋群了。')).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(text);
  });

  it('says to copy by hand when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    render(<I18nProvider><BuildingChatMessages messages={messages} /></I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: '复制' }));
    await waitFor(() => expect(screen.getByText('无法自动复制，请长按消息选择全部后复制。')).toBeTruthy());
  });

  it('shows nothing when there is no building', () => {
    render(<I18nProvider><BuildingChatMessages messages={[]} /></I18nProvider>);
    expect(screen.queryByTestId('chat-messages')).toBeNull();
  });
});
