import { useState } from 'react';
import { request } from '../api/client';
import { Message } from '../components/Message';
import { beijingTime } from '../beijingTime';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { useSession } from '../session';

interface NoticeSummary {
  id: string; kind: string; caseNumber: string; title: string; postedAt: string; commentsCloseAt: string | null; pendingComments: number; comments: number;
}
interface NoticeComment {
  id: string; isObjection: boolean; text: string; name: string | null; phone: string | null; postedAt: string; status: string; response: string | null;
}
interface NoticeDetails {
  id: string; kind: string; caseNumber: string; title: string; text: string; postedAt: string; commentsCloseAt: string | null; takesComments: boolean;
  publicUrl: string; comments: NoticeComment[];
}

const kindKeys: Record<string, StringKey> = { anchored: 'noticeKindAnchored', result: 'noticeKindResult', closing: 'noticeKindClosing' };
const statusKeys: Record<string, StringKey> = { pending: 'noticeCommentPending', published: 'noticeCommentPublished', hidden: 'noticeCommentHidden' };

/**
 * 公示: the community's public notices (of anchored issues, results and closings). Staff print each for the notice board
 * (打印公示: an A4 PDF with the QR code of its public page) and moderate the comments residents leave there.
 */
export function NoticesPage() {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const loaded = useLoad(() => request<NoticeSummary[]>(`/api/communities/${communityId}/public-notices`), [communityId]);
  const [openId, setOpenId] = useState<string | null>(null);
  const notices = loaded.data ?? [];
  return (
    <>
      <h1>{t('noticesTitle')}</h1>
      <p className="help">{t('noticesHelp')}</p>
      {loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message> : null}
      {!loaded.loading && notices.length === 0 ? <p className="muted">{t('noticesNone')}</p> : null}
      <ul className="plain" data-testid="public-notices">
        {notices.map((n) => (
          <li key={n.id} className="mini-card" data-testid="public-notice">
            <p>
              <span className="badge">{t(kindKeys[n.kind] ?? 'noticeKindAnchored')}</span> <strong>{n.title}</strong>
              {n.pendingComments > 0 ? <> <span className="badge status-Suspended">{t('noticePending', { n: n.pendingComments })}</span></> : null}
            </p>
            <p className="muted">{n.caseNumber} · {beijingTime(n.postedAt, lang)}{n.commentsCloseAt ? ` – ${beijingTime(n.commentsCloseAt, lang)}` : ''}</p>
            <p>
              <a className="button-link" href={`/api/communities/${communityId}/public-notices/${n.id}/pdf`} target="_blank" rel="noreferrer">{t('noticePrint')}</a>{' '}
              <button type="button" onClick={() => setOpenId(openId === n.id ? null : n.id)}>{openId === n.id ? t('noticeHideComments') : t('noticeShowComments', { n: n.comments })}</button>
            </p>
            {openId === n.id ? <NoticeComments communityId={communityId} noticeId={n.id} onChanged={loaded.reload} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function NoticeComments({ communityId, noticeId, onChanged }: { communityId: string; noticeId: string; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => request<NoticeDetails>(`/api/communities/${communityId}/public-notices/${noticeId}`), [communityId, noticeId]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const moderate = async (commentId: string, action: string) => {
    setError(null);
    try {
      await request(`/api/communities/${communityId}/notice-comments/${commentId}/moderate`, { method: 'POST', body: { action, response: answers[commentId] ?? null } });
      loaded.reload();
      onChanged();
    } catch (err) {
      setError(errorText(err, t('requestFailed')));
    }
  };
  const notice = loaded.data;
  if (!notice) return loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message> : null;
  return (
    <section aria-label={t('noticeCommentsTitle')}>
      <p className="muted">{t('noticePublicPage')}：<a href={notice.publicUrl} target="_blank" rel="noreferrer">{notice.publicUrl}</a></p>
      {error ? <Message kind="error">{error}</Message> : null}
      {notice.comments.length === 0 ? <p className="muted">{t('noticeNoComments')}</p> : null}
      <ul className="plain">
        {notice.comments.map((c) => (
          <li key={c.id} className="mini-card" data-testid="notice-comment">
            <p>
              <span className="badge">{c.isObjection ? t('noticeObjection') : t('noticeComment')}</span>{' '}
              <span className="badge">{t(statusKeys[c.status] ?? 'noticeCommentPending')}</span> {c.text}
            </p>
            <p className="muted">{beijingTime(c.postedAt, lang)}{c.name ? ` · ${c.name}` : ''}{c.phone ? ` · ${t('noticePhone')} ${c.phone}` : ''}</p>
            {c.response ? <p>{t('noticeAnswer')}：{c.response}</p> : null}
            <label htmlFor={`answer-${c.id}`}>{t('noticeAnswerLabel')}</label>
            <textarea id={`answer-${c.id}`} rows={2} maxLength={2000} value={answers[c.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [c.id]: e.target.value })} />
            <p>
              <button type="button" className="primary" onClick={() => void moderate(c.id, 'answer')} disabled={!(answers[c.id] ?? '').trim()}>{t('noticeAnswerAndPublish')}</button>{' '}
              <button type="button" onClick={() => void moderate(c.id, 'publish')}>{t('noticePublish')}</button>{' '}
              <button type="button" onClick={() => void moderate(c.id, 'hide')}>{t('noticeHide')}</button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
