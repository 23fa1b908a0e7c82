import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import type { ElectionView } from '../api/types';
import { Field } from '../components/Field';
import { Message } from '../components/Message';
import { beijingTime } from '../beijingTime';
import { errorText } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';

const electionKeys: Record<string, StringKey> = { nominating: 'electionNominating', balloting: 'electionBalloting', tied: 'electionTied', counted: 'electionCounted' };

/**
 * One election as staff follow it: what it elects for, its candidates and count; while nominating, who has nominated;
 * while balloting, who has not voted yet — with a reminder for those with email and a paper ballot entered for those
 * without (as the building head collected it); a tie left to staff, decided here with the reason.
 */
export function ElectionCard({ communityId, election: e, title, onChanged }: {
  communityId: string; election: ElectionView; title: string; onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  // A new link for a voter without email: staff hand it over (print it, send it in the building's chat).
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const act = async (work: () => Promise<string>) => {
    setMessage(null);
    try {
      setMessage({ kind: 'success', text: await work() });
      onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  const notVoted = e.ballots.filter((b) => !b.voted);
  // A ballot staff closed early stays "balloting" until the workflow counts the layer; it takes no more votes.
  const ballotOpen = e.status === 'balloting' && new Date(e.ballotClosesAt).getTime() > Date.now();
  const closeEarly = (action: 'close-nominations' | 'close-ballot', question: string, done: string) => {
    if (window.confirm(question)) void act(async () => { await request(`/api/communities/${communityId}/elections/${e.id}/${action}`, { method: 'POST', body: {} }); return done; });
  };
  const notNominated = e.nominationInvitations.filter((i) => !i.nominated);
  return (
    <div className="mini-card election-card" data-testid="election">
      <span>
        <strong>{title}</strong> · {t('electionLayer', { n: e.layer })} · {t('seats', { n: e.seats })} · {electionKeys[e.status] ? t(electionKeys[e.status]!) : e.status}
        {e.status !== 'nominating' ? ` · ${t('ballotsCast', { a: e.ballotsCast, b: e.ballotsIssued })}` : ''}
      </span>
      <span className="muted">
        {e.status === 'nominating' ? t('nominationsClose', { at: beijingTime(e.nominationsCloseAt, lang) }) : t('ballotCloses', { at: beijingTime(e.ballotClosesAt, lang) })}
      </span>
      <ul>
        {e.candidates.map((c) => <li key={c.id}>{c.name}{c.votes != null ? ` · ${t('votes', { n: c.votes })}` : ''}{c.elected ? ` · ${t('elected')}` : ''}</li>)}
      </ul>
      {e.status === 'nominating' && e.nominationInvitations.length ? (
        <p className="muted" data-testid="not-nominated">{t('notNominatedYet', { n: notNominated.length, m: e.nominationInvitations.length })}</p>
      ) : null}
      {e.status === 'nominating' && e.candidates.length ? (
        <p>
          <button type="button" onClick={() => closeEarly('close-nominations', t('closeNominationsConfirm', { n: e.candidates.length }), t('nominationsClosedEarly'))}>
            {t('closeNominationsNow')}
          </button>
        </p>
      ) : null}
      {e.status === 'balloting' && !ballotOpen ? <p className="muted">{t('ballotClosedAwaitingCount')}</p> : null}
      {ballotOpen ? (
        <>
          {notVoted.length ? (
            <div data-testid="not-voted">
              <p>{t('notVotedYet', { n: notVoted.length })}</p>
              <ul className="plain compact">
                {notVoted.map((b) => (
                  <li key={b.taskId}>
                    {b.voterName}{b.emailed ? '' : `（${t('noEmail')}）`}
                    {' '}<PaperBallot election={e} taskId={b.taskId} voter={b.voterName} onDone={(text) => { setMessage({ kind: 'success', text }); onChanged(); }} />
                    {' '}<button type="button" className="link-button" aria-label={t('reissueLinkOf', { name: b.voterName })}
                      onClick={() => { if (window.confirm(t('reissueLinkConfirm', { name: b.voterName }))) void act(async () => {
                        const r = await request<{ link: string; emailed: boolean }>(`/api/tasks/${b.taskId}/reissue-link`, { method: 'POST', body: {} });
                        setLink(r.emailed ? null : { name: b.voterName, url: r.link });
                        return r.emailed ? t('linkReissuedByEmail', { name: b.voterName }) : t('linkReissuedHandOver', { name: b.voterName });
                      }); }}>{t('reissueLink')}</button>
                  </li>
                ))}
              </ul>
              {notVoted.some((b) => b.emailed) ? (
                <button type="button" onClick={() => void act(async () => {
                  const r = await request<{ reminded: number; withoutEmail: number }>(`/api/communities/${communityId}/elections/${e.id}/reminders`, { method: 'POST', body: {} });
                  return t('remindersSent', { n: r.reminded, m: r.withoutEmail });
                })}>{t('remindNonVoters')}</button>
              ) : null}
            </div>
          ) : <p>{t('everyoneVoted')}</p>}
          <p>
            <button type="button" onClick={() => closeEarly('close-ballot', notVoted.length ? t('closeBallotConfirmMissing', { n: notVoted.length }) : t('closeBallotConfirm'), t('ballotClosedEarly'))}>
              {t('closeBallotNow')}
            </button>
          </p>
        </>
      ) : null}
      {e.status === 'tied' ? <TieDecision communityId={communityId} election={e} onDone={(text) => { setMessage({ kind: 'success', text }); onChanged(); }} /> : null}
      {message ? <Message kind={message.kind} testId="election-message">{message.text}</Message> : null}
      {link ? <p className="latin" data-testid="reissued-link">{t('newLinkOf', { name: link.name })}{t('colon')}<a href={link.url}>{link.url}</a></p> : null}
    </div>
  );
}

/** Enters the paper ballot of a voter who has not voted by link (as the building head collected it): as many choices as seats. */
function PaperBallot({ election, taskId, voter, onDone }: { election: ElectionView; taskId: string; voter: string; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  if (!open) return <button type="button" className="link-button" onClick={() => setOpen(true)}>{t('enterPaperBallot')}</button>;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (chosen.length === 0) { setError(t('chooseCandidate')); return; }
    if (chosen.length > election.seats) { setError(t('chooseUpTo', { n: election.seats })); return; }
    try {
      await request(`/api/tasks/${taskId}/proxy-answer`, { method: 'POST', body: { answer: election.seats > 1 ? { choices: chosen } : { choice: chosen[0] } } });
      setOpen(false);
      onDone(t('paperBallotEntered', { name: voter }));
    } catch (err) {
      setError(errorText(err, t('requestFailed')));
    }
  };
  const multiple = election.seats > 1;
  return (
    <form className="paper-ballot" onSubmit={(ev) => void submit(ev)} noValidate aria-label={t('paperBallotOf', { name: voter })}>
      <fieldset>
        <legend>{t('paperBallotOf', { name: voter })}{multiple ? ` · ${t('chooseUpTo', { n: election.seats })}` : ''}</legend>
        {election.candidates.map((c) => (
          <label key={c.id} className="check">
            <input type={multiple ? 'checkbox' : 'radio'} name={`paper-${taskId}`} checked={chosen.includes(c.id)}
              onChange={(ev) => { setError(null); setChosen(multiple ? (ev.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id)) : [c.id]); }} />
            {c.name}
          </label>
        ))}
      </fieldset>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <button type="submit">{t('savePaperBallot')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('cancel')}</button>
    </form>
  );
}

/** Decides a tie for the last seat (tie rule staff): who takes it, and why. */
function TieDecision({ communityId, election, onDone }: { communityId: string; election: ElectionView; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const tied = election.candidates.filter((c) => election.tiedForLastSeat.includes(c.id));
  const [first, setFirst] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = `tie-${election.id}`;
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const problems: Record<string, string> = {};
    if (!first) problems[`${id}-first`] = t('chooseWhoTakesSeat');
    if (!reason.trim()) problems[`${id}-reason`] = t('required');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const order = [first, ...tied.map((c) => c.id).filter((x) => x !== first)];
      await request(`/api/communities/${communityId}/elections/${election.id}/tie-decision`, { method: 'POST', body: { order, reason } });
      onDone(t('tieDecided', { name: tied.find((c) => c.id === first)?.name ?? '' }));
    } catch (err) {
      setErrors({ [`${id}-reason`]: errorText(err, t('requestFailed')) });
    }
  };
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate data-testid="tie-decision">
      <p>{t('tieExplained', { names: tied.map((c) => c.name).join('、') })}</p>
      <Field id={`${id}-first`} label={`${t('whoTakesSeat')} *`} error={errors[`${id}-first`]}>
        {(control) => (
          <select {...control} value={first} onChange={(ev) => setFirst(ev.target.value)}>
            <option value="">{t('choose')}</option>
            {tied.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${id}-reason`} label={`${t('tieReason')} *`} error={errors[`${id}-reason`]}>
        {(control) => <input {...control} value={reason} onChange={(ev) => setReason(ev.target.value)} maxLength={1000} />}
      </Field>
      <button type="submit" className="primary">{t('decideTie')}</button>
    </form>
  );
}
