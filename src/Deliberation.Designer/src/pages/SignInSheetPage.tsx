import { request } from '../api/client';
import type { MeetingView } from '../api/types';
import { beijingTime } from '../beijingTime';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { partyKindLabel } from '../partyKinds';
import { roleKeys } from './MeetingPage';

/**
 * 签到表: the meeting's sign-in sheet on A4, for the table at the door — every member with their role and whether
 * they vote, a blank for the signature and one for a note, and the meeting's name, time, place, chair and recorder.
 */
export function SignInSheetPage({ communityId, meetingId }: { communityId: string; meetingId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => request<MeetingView>(`/api/communities/${communityId}/meetings/${meetingId}`), [communityId, meetingId]);
  if (loaded.error) return <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message>;
  if (!loaded.data) return <p>{t('loading')}</p>;
  const { meeting, participants } = loaded.data;
  return (
    <div className="sign-in-sheet">
      <p className="no-print toolbar">
        <Link to={`/communities/${communityId}/meetings/${meetingId}`}>{t('meetingMode')}</Link>{' '}
        <button type="button" className="primary" onClick={() => window.print()}>{t('print')}</button>
      </p>
      <h1>{meeting.name} · {t('signInSheet')}</h1>
      <p className="sheet-meta">
        <span>{t('meetingTime')}{t('colon')}{meeting.startsAt ? beijingTime(meeting.startsAt, lang) : '—'}</span>
        <span>{t('place')}{t('colon')}{meeting.place}</span>
        <span>{t('chair')}{t('colon')}{meeting.chair ?? ''}</span>
        <span>{t('recorder')}{t('colon')}{meeting.recorder ?? ''}</span>
      </p>
      <table className="table sheet" data-testid="sign-in-sheet">
        <thead>
          <tr><th>{t('number')}</th><th>{t('name')}</th><th>{t('role')}</th><th>{t('votesAtMeeting')}</th><th>{t('signature')}</th><th>{t('note')}</th></tr>
        </thead>
        <tbody>
          {participants.map((p, i) => (
            <tr key={p.personId}>
              <td>{i + 1}</td>
              <td>{p.name}</td>
              <td>{roleKeys[p.role] ? t(roleKeys[p.role]!) : p.role}{p.partyKind ? `（${partyKindLabel(t, p.partyKind)}）` : ''}</td>
              <td>{p.votes ? t('yesShort') : t('noShort')}</td>
              <td className="blank" />
              <td className="blank" />
            </tr>
          ))}
          {/* Room for those who come without being on the list (a substitute, an observer). */}
          {[0, 1, 2].map((i) => <tr key={`extra-${i}`}><td>{participants.length + i + 1}</td><td className="blank" /><td /><td /><td className="blank" /><td /></tr>)}
        </tbody>
      </table>
      <p className="muted">{t('signInSheetNote', { n: participants.length })}</p>
    </div>
  );
}
