import { useState } from 'react';
import { Message } from '../components/Message';
import { useI18n } from '../i18n/I18n';

/** A building's ready-to-paste chat message (GET /api/communities/{id}/chat-messages). */
export interface BuildingChatMessage {
  buildingId: string;
  building: string;
  message: string | null;
  notices: { noticeId: string; title: string; shortUrl: string }[];
}

/**
 * 楼栋群消息: per building, the message a building head pastes into the building's chat group — the current notices
 * with their public pages' short links (never a resident's personal link) — and a 复制 button.
 */
export function BuildingChatMessages({ messages }: { messages: BuildingChatMessage[] }) {
  const { t } = useI18n();
  if (messages.length === 0) return null;
  return (
    <section className="mini-card" data-testid="chat-messages">
      <h2>{t('chatTitle')}</h2>
      <p className="help">{t('chatHelp')}</p>
      <ul className="plain">
        {messages.map((m) => <ChatMessage key={m.buildingId} message={m} />)}
      </ul>
    </section>
  );
}

function ChatMessage({ message }: { message: BuildingChatMessage }) {
  const { t } = useI18n();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const id = `chat-message-${message.buildingId}`;
  const copy = async () => {
    if (!message.message) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(message.message);
      setResult('copied');
    } catch {
      // Without the clipboard (an old phone browser, a page not served over https) the text is selected to copy by hand.
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
      setResult('failed');
    }
  };
  return (
    <li data-testid="chat-message">
      {message.message ? (
        <>
          <label htmlFor={id}><strong>{t('chatMessageOf', { building: message.building })}</strong></label>
          <textarea id={id} className="latin" readOnly rows={Math.min(10, message.message.split('\n').length + 1)} value={message.message} />
          <button type="button" onClick={() => void copy()}>{t('chatCopy')}</button>
          {result ? <Message kind={result === 'copied' ? 'success' : 'error'}>{t(result === 'copied' ? 'chatCopied' : 'chatCopyFailed')}</Message> : null}
        </>
      ) : <p><strong>{t('chatMessageOf', { building: message.building })}</strong> <span className="muted">{t('chatNone')}</span></p>}
    </li>
  );
}
