import { useEffect, useState, type FormEvent } from 'react';
import { partyKindLabel } from '../partyKinds';
import { request, requestOptional } from '../api/client';
import type { ActionItemsOverview, MeetingParticipant, MeetingView, Tally, VoteView } from '../api/types';
import { ActionItemForm } from './ActionItemForm';
import { ResolutionForm } from './ResolutionForm';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { beijingTime } from '../beijingTime';

export const meetingStatusKeys: Record<string, StringKey> = {
  planned: 'meetingPlanned', polling: 'meetingPolling', scheduled: 'meetingScheduled', closed: 'meetingClosed', cancelled: 'meetingCancelled',
};
export const choiceKeys: Record<string, StringKey> = {
  yes: 'choiceYes', no: 'choiceNo', abstain: 'choiceAbstain', block: 'choiceBlock', 'stand-aside': 'choiceStandAside',
};
export const roleKeys: Record<string, StringKey> = { representative: 'roleRepresentative', party: 'roleParty', advisor: 'roleAdvisor' };
const rsvpKeys: Record<string, StringKey> = { yes: 'rsvpYes', no: 'rsvpNo' };

type Section = 'attendance' | 'proposals' | 'points' | 'votes' | 'resolutions' | 'close';

/** The tally in the page's language: the rule's own explanation, then the counts. */
export function TallyText({ tally }: { tally: Tally }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p data-testid="tally-counts">
        {t('tallyCounts', { yes: tally.yes, no: tally.no, abstain: tally.abstentions, present: tally.present, eligible: tally.eligible })}
        {tally.blocks || tally.standAsides ? ` · ${t('tallyConsent', { block: tally.blocks, aside: tally.standAsides })}` : ''}
      </p>
      <p className="muted" data-testid="tally-explanation">{lang === 'en' ? tally.explanationEn : tally.explanationZh}</p>
    </>
  );
}

/** 会议模式: the meeting as it is held, on a tablet at the table. */
export function MeetingPage({ communityId, meetingId }: { communityId: string; meetingId: string }) {
  const { t, lang } = useI18n();
  const base = `/api/communities/${communityId}/meetings/${meetingId}`;
  const loaded = useLoad(() => request<MeetingView>(base), [base]);
  const [errors, setErrors] = useState<Partial<Record<Section, string>>>({});
  const [busy, setBusy] = useState(false);
  const [editingResolution, setEditingResolution] = useState<string | null>(null);
  // Attendance ticks on their way to the server, by person: what the box shows until the answer comes.
  const [ticks, setTicks] = useState<Map<string, boolean>>(new Map());
  const { reload, replace } = loaded;
  const status = loaded.data?.meeting.status;
  const underWay = status === 'scheduled';
  const finished = status === 'closed' || status === 'cancelled';
  // Live: the server sends the meeting again whenever it changes (link votes, RSVPs, another tablet's ticks).
  const [live, setLive] = useState<'connecting' | 'live' | 'lost'>('connecting');
  useEffect(() => {
    if (finished || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${base}/live`);
    source.addEventListener('meeting', (e) => { replace(JSON.parse((e as MessageEvent<string>).data) as MeetingView); setLive('live'); });
    source.onopen = () => setLive('live');
    source.onerror = () => setLive('lost'); // the browser reconnects by itself
    return () => source.close();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, finished]);

  // Without the live stream, votes sent by link still arrive: refresh now and then.
  useEffect(() => {
    if (!underWay || live === 'live') return;
    const timer = window.setInterval(reload, 15_000);
    return () => window.clearInterval(timer);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [underWay, live]);

  // Ticks the server now shows are no longer on their way.
  useEffect(() => {
    const participants = loaded.data?.participants;
    if (!participants) return;
    setTicks((m) => {
      const settled = [...m].filter(([id, present]) => participants.some((p) => p.personId === id && (p.present === true) === present));
      if (settled.length === 0) return m;
      const next = new Map(m);
      for (const [id] of settled) next.delete(id);
      return next;
    });
  }, [loaded.data]);

  if (loaded.error && !loaded.data) return <><h1>{t('meetingMode')}</h1><Message kind="error" testId="page-error">{errorText(loaded.error, t('requestFailed'))}</Message></>;
  if (!loaded.data) return <p>{t('loading')}</p>;
  const view = loaded.data;
  const { meeting, rules, quorum } = view;
  const when = (at: string | null) => at ? beijingTime(at, lang, 'medium') : '';
  const names = new Map(view.participants.map((p) => [p.personId, p.name]));

  /** Runs a change, then reloads; a refusal is shown in the section it came from. */
  const act = async (section: Section, change: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setErrors((e) => ({ ...e, [section]: undefined }));
    try {
      await change();
      reload();
      return true;
    } catch (err) {
      setErrors((e) => ({ ...e, [section]: errorText(err, t('requestFailed')) }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const post = (path: string, body: unknown = {}) => request(`${base}${path}`, { method: 'POST', body });

  /**
   * One attendance tick, saved on its own: the box shows the tick at once (marked as saving) and ticks of others may
   * follow before it is saved — none waits for another, none is lost; a refused one goes back and says so.
   */
  const tick = async (personId: string, name: string, present: boolean) => {
    setTicks((m) => new Map(m).set(personId, present));
    setErrors((e) => ({ ...e, attendance: undefined }));
    try {
      await request(`${base}/attendance`, { method: 'PUT', body: { entries: [{ personId, present }] } });
      reload(); // the tick stays shown until the reloaded meeting has it
    } catch (err) {
      setErrors((e) => ({ ...e, attendance: t('attendanceRefused', { name, reason: errorText(err, t('requestFailed')) }) }));
      setTicks((m) => { const next = new Map(m); next.delete(personId); return next; });
    }
  };

  return (
    <div className="meeting-mode">
      <h1>{t('meetingMode')} · {meeting.name}</h1>
      <p className="toolbar meeting-toolbar">
        <span className={`badge meeting-${meeting.status}`} data-testid="meeting-status">
          {underWay && meeting.startsAt && new Date(meeting.startsAt) <= new Date() ? t('meetingUnderWay')
            : meetingStatusKeys[meeting.status] ? t(meetingStatusKeys[meeting.status]!) : meeting.status}
        </span>{' '}
        {meeting.instanceId ? <Link to={`/deliberations/${meeting.instanceId}`}>{t('backToDeliberation')}</Link> : null}{' '}
        <Link to={`/communities/${communityId}/meetings/${meetingId}/sign-in`}>{t('signInSheet')}</Link>{' '}
        <button type="button" onClick={reload}>{t('refresh')}</button>{' '}
        {finished ? null : <span className={`live live-${live}`} data-testid="live-state" role="status">{t(live === 'live' ? 'liveOn' : live === 'lost' ? 'liveLost' : 'liveConnecting')}</span>}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">{t('meetingAbout')}</h2>
          <dl className="facts">
            <dt>{t('place')}</dt><dd>{meeting.place}</dd>
            <dt>{t('meetingTime')}</dt><dd>{meeting.startsAt ? `${when(meeting.startsAt)} – ${when(meeting.endsAt)}` : t('notScheduled')}</dd>
            <dt>{t('chair')}</dt><dd>{meeting.chair ?? '—'}</dd>
            <dt>{t('recorder')}</dt><dd>{meeting.recorder ?? '—'}</dd>
          </dl>
          <h3>{t('agenda')}</h3>
          {view.agenda.length ? <ol>{view.agenda.map((a, i) => <li key={i}>{a}</li>)}</ol> : <p className="muted">{t('none')}</p>}
        </section>
        <section className="card" aria-labelledby="rules-title">
          <h2 id="rules-title">{t('rulesAndQuorum')}</h2>
          <p><strong>{lang === 'en' ? rules.ruleNameEn : rules.ruleNameZh}</strong> · {t('quorumFraction', { q: rules.quorum })}</p>
          <p data-testid="quorum">{t('quorumFigures', { eligible: quorum.eligibleVoters, needed: quorum.needed, confirmed: quorum.confirmed, present: quorum.present })}</p>
          <p>
            <span className={`badge ${quorum.metByAttendance ? 'status-Finished' : 'status-Faulted'}`}>
              {quorum.metByAttendance ? t('quorumMet') : t('quorumNotMet')}
            </span>
          </p>
          <p className="help">{rules.advisorsVote ? t('advisorsVote') : t('advisorsDoNotVote')}{rules.absentMayVoteByLink ? ` ${t('absentByLink')}` : ''}</p>
        </section>
      </div>

      <section className="card" aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('attendance')}</h2>
        <Message kind="error" testId="attendance-error">{errors.attendance}</Message>
        <table className="table" data-testid="attendance">
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('role')}</th><th scope="col">{t('rsvp')}</th><th scope="col">{t('present')}</th></tr></thead>
          <tbody>
            {view.participants.map((p) => (
              <tr key={p.personId}>
                <td>{p.name}</td>
                <td>{roleKeys[p.role] ? t(roleKeys[p.role]!) : p.role}{p.partyKind ? `（${partyKindLabel(t, p.partyKind)}）` : ''}{p.votes ? '' : ` · ${t('nonVoting')}`}</td>
                <td>{p.rsvp ? (rsvpKeys[p.rsvp] ? t(rsvpKeys[p.rsvp]!) : p.rsvp) : t('noAnswer')}</td>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={ticks.get(p.personId) ?? p.present === true} disabled={!underWay}
                      onChange={(e) => void tick(p.personId, p.name, e.target.checked)} />
                    <span><span className="sr-only">{p.name} </span>{t('present')}</span>
                    {ticks.has(p.personId) ? <span className="muted" role="status">{t('saving')}</span> : null}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t('proposals')}</h2>
          <Message kind="error" testId="proposals-error">{errors.proposals}</Message>
          {view.proposals.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ul className="plain">
              {view.proposals.map((p) => (
                <li key={p.id} className="mini-card">
                  <span><strong>{p.title}</strong>{p.personId ? ` · ${names.get(p.personId) ?? ''}` : ''}{p.source === 'link' ? ` · ${t('sentByLink')}` : ''}<br />{p.body}</span>
                  {p.discussed ? <span className="badge status-Finished">{t('discussed')}</span> : (
                    <button type="button" disabled={busy || !underWay} onClick={() => void act('proposals', () => post(`/proposals/${p.id}/discussed`))}>{t('markDiscussed')}</button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {underWay ? <ProposalForm participants={view.participants} busy={busy} onAdd={(body) => act('proposals', () => post('/proposals', body))} /> : null}
        </section>
        <section className="card" aria-labelledby="points-title">
          <h2 id="points-title">{t('pointsTitle')}</h2>
          <Message kind="error" testId="points-error">{errors.points}</Message>
          {view.points.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ul>{view.points.map((p) => <li key={p.id}>{p.personId ? `${names.get(p.personId) ?? ''}:` : ''}{p.text}</li>)}</ul>
          )}
          {underWay ? <TextForm id="point" label={t('newPoint')} withSpeaker participants={view.participants} busy={busy}
            onAdd={(text, personId) => act('points', () => post('/points', { text, personId }))} /> : null}
        </section>
      </div>

      <section className="card" aria-labelledby="votes-title">
        <h2 id="votes-title">{t('votesTitle')}</h2>
        <Message kind="error" testId="votes-error">{errors.votes}</Message>
        {view.votes.map((v) => (
          <VotePanel key={v.vote.id} vote={v} rule={rules.rule} participants={view.participants} busy={busy}
            onBallot={(personId, choice, reason) => act('votes', () => post(`/votes/${v.vote.id}/ballots`, { personId, choice, reason: reason || null }))}
            onClose={() => act('votes', () => post(`/votes/${v.vote.id}/close`))} />
        ))}
        {underWay && !view.votes.some((v) => v.vote.status === 'open') ? (
          <OpenVoteForm proposals={view.proposals.filter((p) => p.discussed)} busy={busy}
            onOpen={(question, proposalId) => act('votes', () => post('/votes', { question, proposalId: proposalId || null }))} />
        ) : null}
      </section>

      <section className="card" aria-labelledby="resolutions-title">
        <h2 id="resolutions-title">{t('resolutions')}</h2>
        <Message kind="error" testId="resolutions-error">{errors.resolutions}</Message>
        {view.resolutions.length === 0 ? <p className="muted">{t('none')}</p> : (
          <ol data-testid="resolutions">
            {view.resolutions.map((r) => (
              <li key={r.id}>
                {editingResolution === r.id ? (
                  <ResolutionForm communityId={communityId} caseId={meeting.caseId} base={base} editing={r} busy={busy}
                    onSaved={() => { setEditingResolution(null); reload(); }} onCancel={() => setEditingResolution(null)} />
                ) : (
                  <>
                    {r.text}
                    <br /><span className="muted" data-testid="resolution-parties">
                      {t('resolutionParties')}：{r.parties.length ? r.parties.map((p) => p.name).join('、') : t('none')}
                    </span>
                    {underWay ? <> <button type="button" onClick={() => setEditingResolution(r.id)}>{t('edit')}</button></> : null}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {underWay ? <ResolutionForm communityId={communityId} caseId={meeting.caseId} base={base} busy={busy} onSaved={reload} /> : null}
      </section>

      {underWay ? <MeetingActionItems communityId={communityId} view={view} /> : null}

      {underWay || (meeting.status === 'closed' && view.minutes.length === 0) ? (
        <section className="card" aria-labelledby="close-title">
          <h2 id="close-title">{t('closeMeeting')}</h2>
          {/* Closing again tells the workflow again (the server takes it as the same close), should it have missed it. */}
          <p className="help">{underWay ? t('closeMeetingHelp') : t('closeAgainHelp')}</p>
          <Message kind="error" testId="close-error">{errors.close}</Message>
          <button type="button" className="primary" disabled={busy} onClick={() => { if (window.confirm(t('closeMeetingConfirm'))) void act('close', () => post('/close')); }}>{t('closeMeeting')}</button>
        </section>
      ) : null}
      {view.minutes.length ? <Message kind="success">{t('minutesFiled', { n: view.minutes.length })}</Message> : null}
    </div>
  );
}

function VotePanel({ vote, rule, participants, busy, onBallot, onClose }: {
  vote: VoteView; rule: string; participants: MeetingParticipant[]; busy: boolean;
  onBallot: (personId: string, choice: string, reason: string) => Promise<boolean>; onClose: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const open = vote.vote.status === 'open';
  const choices = rule === 'consent' ? ['yes', 'no', 'abstain', 'block', 'stand-aside'] : ['yes', 'no', 'abstain'];
  const ballots = new Map(vote.ballots.map((b) => [b.personId, b]));
  const voters = participants.filter((p) => p.votes);
  return (
    <div className="vote" data-testid="vote" data-status={vote.vote.status}>
      <h3>{vote.vote.question}{' '}
        <span className={`badge ${open ? 'status-Suspended' : vote.vote.passed ? 'status-Finished' : 'status-Faulted'}`} data-testid="vote-result">
          {open ? t('voteOpen') : vote.vote.passed ? t('votePassed') : t('voteFailed')}
        </span>
      </h3>
      <TallyText tally={vote.tally} />
      <table className="table">
        <thead><tr><th scope="col">{t('voter')}</th><th scope="col">{t('choice')}</th><th scope="col">{t('reason')}</th>{open ? <th scope="col"><span className="sr-only">{t('record')}</span></th> : null}</tr></thead>
        <tbody>
          {open ? voters.map((p) => <BallotRow key={p.personId} participant={p} current={ballots.get(p.personId)?.choice ?? ''} reason={ballots.get(p.personId)?.reason ?? ''}
            choices={choices} busy={busy} onBallot={onBallot} />)
            : vote.ballots.map((b) => (
              <tr key={b.personId}><td>{b.name}</td><td>{choiceKeys[b.choice] ? t(choiceKeys[b.choice]!) : b.choice}{b.channel === 'link' ? ` · ${t('sentByLink')}` : b.channel === 'email-reply' ? ` · ${t('channelEmailReply')}` : ''}</td><td>{b.reason ?? ''}</td></tr>
            ))}
        </tbody>
      </table>
      {open ? <button type="button" className="primary" disabled={busy} onClick={() => void onClose()}>{t('closeVote')}</button> : null}
    </div>
  );
}

function BallotRow({ participant, current, reason, choices, busy, onBallot }: {
  participant: MeetingParticipant; current: string; reason: string; choices: string[]; busy: boolean;
  onBallot: (personId: string, choice: string, reason: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState(current);
  const [text, setText] = useState(reason);
  useEffect(() => { setChoice(current); setText(reason); }, [current, reason]);
  const id = `ballot-${participant.personId}`;
  return (
    <tr>
      <td>{participant.name}{current ? <span className="badge status-Finished">{t('recorded')}</span> : null}</td>
      <td>
        <select id={`${id}-choice`} aria-label={t('choiceOf', { name: participant.name })} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('choose')}</option>
          {choices.map((c) => <option key={c} value={c}>{t(choiceKeys[c]!)}</option>)}
        </select>
      </td>
      <td><input id={`${id}-reason`} aria-label={t('reasonOf', { name: participant.name })} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} /></td>
      <td>
        <button type="button" disabled={busy || !choice} aria-label={t('recordBallotOf', { name: participant.name })}
          onClick={() => void onBallot(participant.personId, choice, text)}>{t('record')}</button>
      </td>
    </tr>
  );
}

function OpenVoteForm({ proposals, busy, onOpen }: { proposals: { id: string; title: string }[]; busy: boolean; onOpen: (question: string, proposalId: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [question, setQuestion] = useState('');
  const [proposalId, setProposalId] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onOpen(question.trim(), proposalId)) { setQuestion(''); setProposalId(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="sub-form">
      <h3>{t('openVote')}</h3>
      <label htmlFor="vote-question">{t('voteQuestion')}</label>
      <input id="vote-question" value={question} onChange={(e) => setQuestion(e.target.value)} required maxLength={500} />
      {proposals.length ? (
        <>
          <label htmlFor="vote-proposal">{t('voteOnProposal')}</label>
          <select id="vote-proposal" value={proposalId} onChange={(e) => setProposalId(e.target.value)}>
            <option value="">{t('none')}</option>
            {proposals.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !question.trim()}>{t('openVote')}</button>
    </form>
  );
}

function ProposalForm({ participants, busy, onAdd }: { participants: MeetingParticipant[]; busy: boolean; onAdd: (body: { title: string; body: string; personId: string | null }) => Promise<boolean> }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [personId, setPersonId] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onAdd({ title: title.trim(), body: body.trim(), personId: personId || null })) { setTitle(''); setBody(''); setPersonId(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="sub-form">
      <label htmlFor="proposal-title">{t('proposalTitle')}</label>
      <input id="proposal-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      <label htmlFor="proposal-body">{t('proposalBody')}</label>
      <textarea id="proposal-body" value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
      <label htmlFor="proposal-person">{t('proposedBy')}</label>
      <select id="proposal-person" value={personId} onChange={(e) => setPersonId(e.target.value)}>
        <option value="">{t('none')}</option>
        {participants.map((p) => <option key={p.personId} value={p.personId}>{p.name}</option>)}
      </select>
      <button type="submit" className="primary" disabled={busy || !title.trim()}>{t('addProposal')}</button>
    </form>
  );
}

function TextForm({ id, label, busy, withSpeaker, participants, onAdd }: {
  id: string; label: string; busy: boolean; withSpeaker?: boolean; participants?: MeetingParticipant[];
  onAdd: (text: string, personId: string | null) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [personId, setPersonId] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onAdd(text.trim(), personId || null)) { setText(''); setPersonId(''); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="sub-form">
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} rows={2} required maxLength={2000} />
      {withSpeaker && participants ? (
        <>
          <label htmlFor={`${id}-person`}>{t('raisedBy')}</label>
          <select id={`${id}-person`} value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('none')}</option>
            {participants.map((p) => <option key={p.personId} value={p.personId}>{p.name}</option>)}
          </select>
        </>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !text.trim()}>{t('add')}</button>
    </form>
  );
}

/**
 * 责任分工 decided at the meeting: the items entered for it so far and the form to add one, so that the chair enters them
 * before closing (the workflow assigns them when the meeting closes).
 */
function MeetingActionItems({ communityId, view }: { communityId: string; view: MeetingView }) {
  const { t } = useI18n();
  const caseId = view.meeting.caseId;
  const items = useLoad(() => requestOptional<ActionItemsOverview>(`/api/communities/${communityId}/cases/${caseId}/action-items`), [communityId, caseId]);
  const ours = (items.data?.items ?? []).filter((i) => i.meetingId === view.meeting.id);
  return (
    <section className="card" aria-labelledby="meeting-actions-title">
      <h2 id="meeting-actions-title">{t('actionItems')}</h2>
      {ours.length === 0 ? <p className="muted">{t('noActionItemsYet')}</p> : (
        <ul data-testid="meeting-action-items">
          {ours.map((i) => <li key={i.id}>{i.title} · {i.responsibleParty}{i.personName ? ` · ${i.personName}` : ''}</li>)}
        </ul>
      )}
      <ActionItemForm communityId={communityId} caseId={caseId} meetings={[view]} onChanged={items.reload} />
    </section>
  );
}
