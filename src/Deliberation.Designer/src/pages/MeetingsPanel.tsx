import { useState } from 'react';
import { request, requestText } from '../api/client';
import type { MeetingView, MinutesRecord, RulesDocument, RulesTemplate } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { meetingStatusKeys, TallyText } from './MeetingPage';
import { PlanForm } from './PlanForm';
import { RulesForm } from './RulesForm';
import { beijingTime } from '../beijingTime';

/** Steps 3–4 on the deliberation page: the rules, planning a meeting, each meeting's attendance and votes, with a link to meeting mode. */
export function MeetingsPanel({ communityId, caseId, meetings, templates, rules, onChanged }: {
  communityId: string; caseId: string; meetings: MeetingView[]; templates: RulesTemplate[]; rules: RulesDocument | null; onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const when = (at: string | null) => at ? beijingTime(at, lang, 'medium') : '';
  return (
    <>
      {meetings.length === 0 ? <p className="muted">{t('notStarted')}</p> : (
        <ul className="plain" data-testid="meetings">
          {meetings.map(({ meeting, participants, votes, slots }) => {
            const present = participants.filter((p) => p.present === true);
            const answered = (rsvp: string | null) => participants.filter((p) => p.rsvp === rsvp).map((p) => p.name);
            return (
              <li key={meeting.id} className="mini-card meeting-card" data-testid="meeting">
                <div className="meeting-head">
                  <strong>{meeting.name}</strong>
                  <span className="badge">{meetingStatusKeys[meeting.status] ? t(meetingStatusKeys[meeting.status]!) : meeting.status}</span>
                  <span className="muted">{meeting.place}{meeting.startsAt ? ` · ${when(meeting.startsAt)}` : ''}</span>
                  <Link to={`/communities/${communityId}/meetings/${meeting.id}`} className="button-link">{t('openMeetingMode')}</Link>
                </div>
                {slots.length > 0 ? (
                  <div data-testid="meeting-poll">
                    <span>{t('pollResults')}</span> <span className="muted">{t('pollCloses', { at: when(meeting.pollClosesAt) })}</span>
                    <ul className="slot-tally">
                      {slots.map((x) => (
                        <li key={x.value}>
                          {when(x.start)} · {t('slotVotes', { n: x.count })}{x.chosen ? <> <span className="badge status-Finished">{t('slotChosen')}</span></> : null}
                        </li>
                      ))}
                    </ul>
                    {meeting.status === 'polling' ? <ClosePoll communityId={communityId} meetingId={meeting.id} onChanged={onChanged} /> : null}
                  </div>
                ) : null}
                {participants.length > 0 && meeting.status !== 'planned' && meeting.status !== 'polling' ? (
                  <p data-testid="meeting-rsvps">
                    {t('rsvpSummary', { yes: answered('yes').length, no: answered('no').length, none: answered(null).length })}
                    {answered('yes').length ? ` · ${t('rsvpYes')}${t('colon')}${answered('yes').join('、')}` : ''}
                    {answered('no').length ? ` · ${t('rsvpNo')}${t('colon')}${answered('no').join('、')}` : ''}
                    {answered(null).length ? ` · ${t('noAnswer')}${t('colon')}${answered(null).join('、')}` : ''}
                  </p>
                ) : null}
                <p data-testid="meeting-attendance">
                  {t('attendanceSummary', { present: present.length, total: participants.length })}
                  {present.length ? `${t('colon')}${present.map((p) => p.name).join('、')}` : ''}
                </p>
                {votes.map((v) => (
                  <div key={v.vote.id} className="vote-summary" data-testid="meeting-vote">
                    <strong>{v.vote.question}</strong>{' '}
                    <span className={`badge ${v.vote.status === 'open' ? 'status-Suspended' : v.vote.passed ? 'status-Finished' : 'status-Faulted'}`}>
                      {v.vote.status === 'open' ? t('voteOpen') : v.vote.passed ? t('votePassed') : t('voteFailed')}
                    </span>
                    <TallyText tally={v.tally} />
                  </div>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <RulesForm communityId={communityId} caseId={caseId} templates={templates} rules={rules} onChanged={onChanged} />
      <PlanForm communityId={communityId} caseId={caseId} onChanged={onChanged} />
    </>
  );
}

/** The filed minutes of the case's meetings: a preview of the Markdown and the .docx. */
export function MinutesList({ communityId, meetings }: { communityId: string; meetings: MeetingView[] }) {
  const { t } = useI18n();
  // The Chinese minutes first: they are the record; the English ones are a courtesy.
  const filed = meetings.flatMap((m) => [...m.minutes].sort((a, b) => (a.culture === 'zh-CN' ? 0 : 1) - (b.culture === 'zh-CN' ? 0 : 1))
    .map((r) => ({ meeting: m.meeting.name, record: r })));
  if (filed.length === 0) return <p className="muted">{t('notStarted')}</p>;
  return (
    <ul className="plain" data-testid="minutes">
      {filed.map(({ meeting, record }) => <MinutesItem key={record.id} communityId={communityId} meeting={meeting} record={record} />)}
    </ul>
  );
}

function MinutesItem({ communityId, meeting, record }: { communityId: string; meeting: string; record: MinutesRecord }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/communities/${communityId}/minutes/${record.id}`;
  const toggle = async () => {
    if (text !== null) { setText(null); return; }
    setError(null);
    try { setText(await requestText(`${base}/markdown`)); } catch (err) { setError(errorText(err, t('requestFailed'))); }
  };
  return (
    <li className="mini-card minutes-item">
      <span>{meeting} · {record.culture === 'en' ? 'English' : '中文'} · {beijingTime(record.filedAt, lang)}</span>
      <span className="muted sha" title={record.markdownSha256}>SHA-256 {record.markdownSha256.slice(0, 12)}…</span>
      <span className="toolbar">
        <button type="button" aria-expanded={text !== null} onClick={() => void toggle()}>{text !== null ? t('hidePreview') : t('preview')}</button>
        <a href={`${base}/docx`} download className="button-link">{t('downloadDocx')}</a>
      </span>
      {error ? <Message kind="error">{error}</Message> : null}
      {text !== null ? <pre className="minutes-preview" tabIndex={0} aria-label={t('minutesPreview')}>{text}</pre> : null}
    </li>
  );
}

/** Closes the time poll before its deadline: the workflow schedules the meeting at once from the answers given. */
function ClosePoll({ communityId, meetingId, onChanged }: { communityId: string; meetingId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const close = async () => {
    if (!window.confirm(t('closePollConfirm'))) return;
    try {
      await request(`/api/communities/${communityId}/meetings/${meetingId}/close-poll`, { method: 'POST', body: {} });
      setError(null);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <p>
      <button type="button" onClick={() => void close()}>{t('closePollNow')}</button>
      {error ? <Message kind="error">{errorText(error, t('requestFailed'))}</Message> : null}
    </p>
  );
}
