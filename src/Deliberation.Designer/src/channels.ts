import type { StringKey } from './i18n/zh-CN';

/** How an answer came in, as the server records it (TaskChannels), and the words staff read for it. */
const channelKeys: Record<string, StringKey> = {
  link: 'channelLink',
  proxy: 'channelProxy',
  'email-reply': 'channelEmailReply',
};

/** The words for an answer's channel; null for none or one this UI does not know (shown as it is). */
export function channelKey(channel: string | null | undefined): StringKey | null {
  return channel ? channelKeys[channel] ?? null : null;
}
