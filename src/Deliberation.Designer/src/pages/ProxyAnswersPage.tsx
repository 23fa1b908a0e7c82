import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { Message } from '../components/Message';
import { beijingTime } from '../beijingTime';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { useSession } from '../session';
import { BuildingChatMessages, type BuildingChatMessage } from './BuildingChatMessages';

/** What a task asks, in words (the server's purpose codes). */
const purposeKeys: Record<string, StringKey> = {
  nominate: 'purposeNominate', ballot: 'purposeBallot', 'time-poll': 'purposeTimePoll', rsvp: 'purposeRsvp', vote: 'purposeVote', 'follow-up': 'purposeFollowUp', minutes: 'purposeMinutes', ask: 'purposeAsk',
};

interface TaskOption { value: string; label: string }
interface TaskData { options?: TaskOption[]; multiple?: boolean; maxChoices?: number; allowComment?: boolean; description?: string }
interface ProxyTask {
  taskId: string; personId: string; personName: string; building: string | null; unit: string | null; purpose: string; title: string;
  data: TaskData | null; closesAt: string | null; answered: boolean; householdId: string | null;
}
interface ChannelTotals { asked: number; answered: number; channels: Record<string, number> }

/**
 * 代填答复: the open tasks of residents without email — ballots, nominations, time polls, invitations, the follow-up —
 * that a building head answers for them from a paper form or a visit (a building head sees their own buildings, staff
 * the whole community). Each answer is recorded as entered on the resident's behalf, with who entered it.
 */
export function ProxyAnswersPage() {
  const { t } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  // Residents without email (proxy answers), or every household a paper sheet is printed for (paper answers).
  const [households, setHouseholds] = useState(false);
  const loaded = useLoad(() => request<ProxyTask[]>(`/api/communities/${communityId}/tasks/for-proxy${households ? '?households=true' : ''}`), [communityId, households]);
  const tasks = loaded.data ?? [];
  const chat = useLoad(() => request<BuildingChatMessage[]>(`/api/communities/${communityId}/chat-messages`), [communityId]);
  return (
    <>
      <h1>{t('proxyTitle')}</h1>
      <p className="help">{t('proxyHelp')}</p>
      <fieldset data-testid="proxy-scope">
        <legend>{t('proxyScope')}</legend>
        <label className="check"><input type="radio" name="proxy-scope" checked={!households} onChange={() => setHouseholds(false)} />{t('proxyScopeNoEmail')}</label>
        <label className="check"><input type="radio" name="proxy-scope" checked={households} onChange={() => setHouseholds(true)} />{t('proxyScopeHouseholds')}</label>
      </fieldset>
      {households ? <p className="help">{t('proxyHouseholdsHelp')}</p> : null}
      <BuildingChatMessages messages={chat.data ?? []} />
      {chat.error ? <Message kind="error">{errorText(chat.error, t('requestFailed'))}</Message> : null}
      {loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message> : null}
      {!loaded.loading && tasks.length === 0 ? <p className="muted" data-testid="proxy-none">{t('proxyNone')}</p> : null}
      <ul className="plain" data-testid="proxy-tasks">
        {tasks.map((task) => <ProxyTaskCard key={task.taskId} task={task} onDone={loaded.reload} />)}
      </ul>
    </>
  );
}

function ProxyTaskCard({ task, onDone }: { task: ProxyTask; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { community } = useSession();
  const base = `/api/communities/${community?.id ?? ''}/tasks/${task.taskId}`;
  const [photo, setPhoto] = useState<File | null>(null);
  const [totals, setTotals] = useState<ChannelTotals | null>(null);
  const showTotals = async () => {
    try { setTotals(await request<ChannelTotals>(`${base}/totals`)); } catch (err) { setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) }); }
  };
  const options = task.data?.options ?? [];
  const multiple = task.data?.multiple === true;
  const [chosen, setChosen] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (options.length && chosen.length === 0 && !comment.trim()) { setMessage({ kind: 'error', text: t('proxyChooseOne') }); return; }
    const answer: Record<string, unknown> = multiple ? { choices: chosen } : chosen.length ? { choice: chosen[0] } : {};
    if (comment.trim()) answer.comment = comment.trim();
    try {
      if (photo) {
        // A paper sheet that came back: entered with the photo of the sheet, as a paper answer.
        const form = new FormData();
        form.append('answer', JSON.stringify(answer));
        form.append('householdId', task.householdId ?? '');
        form.append('photo', photo);
        await request(`${base}/paper-answer`, { method: 'POST', form });
        setMessage({ kind: 'success', text: t('paperEntered', { name: task.personName }) });
      } else {
        await request(`/api/tasks/${task.taskId}/proxy-answer`, { method: 'POST', body: { answer } });
        setMessage({ kind: 'success', text: t('proxyEntered', { name: task.personName }) });
      }
      onDone();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };
  const label = `${task.personName}${task.building ? `（${task.building}${task.unit ?? ''}）` : ''}`;
  return (
    <li className="mini-card election-card" data-testid="proxy-task">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={`${label} · ${task.title}`}>
        <p><strong>{label}</strong> · {purposeKeys[task.purpose] ? `${t(purposeKeys[task.purpose]!)}：` : ''}{task.title}{task.answered ? <> <span className="badge status-Finished">{t('proxyAnswered')}</span></> : null}</p>
        {task.closesAt ? <p className="muted">{t('answerBy', { at: beijingTime(task.closesAt, lang) })}</p> : null}
        {task.data?.description ? <p className="help">{task.data.description}</p> : null}
        {options.length ? (
          <fieldset>
            <legend>{multiple ? t('chooseUpTo', { n: task.data?.maxChoices ?? options.length }) : t('chooseOne')}</legend>
            {options.map((o) => (
              <label key={o.value} className="check">
                <input type={multiple ? 'checkbox' : 'radio'} name={`proxy-${task.taskId}`} checked={chosen.includes(o.value)}
                  onChange={(e) => setChosen(multiple ? (e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value)) : [o.value])} />
                {o.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {task.data?.allowComment || !options.length ? (
          <>
            <label htmlFor={`proxy-comment-${task.taskId}`}>{t('proxyComment')}</label>
            <textarea id={`proxy-comment-${task.taskId}`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
          </>
        ) : null}
        {task.householdId ? (
          <>
            <label htmlFor={`paper-photo-${task.taskId}`}>{t('paperPhoto')}</label>
            <input id={`paper-photo-${task.taskId}`} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
          </>
        ) : null}
        <button type="submit" className="primary">{photo ? t('paperSave') : task.answered ? t('proxyChange') : t('proxySave')}</button>{' '}
        <a className="button-link" href={`${base}/paper-sheets`} target="_blank" rel="noreferrer">{t('paperPrint')}</a>{' '}
        <button type="button" onClick={() => void showTotals()}>{t('paperTotals')}</button>
        {totals ? (
          <p className="muted" data-testid="channel-totals">
            {t('paperTotalsText', { answered: totals.answered, asked: totals.asked, link: (totals.channels.link ?? 0) + (totals.channels['email-reply'] ?? 0), paper: totals.channels.paper ?? 0, proxy: totals.channels.proxy ?? 0 })}
          </p>
        ) : null}
        {message ? <Message kind={message.kind}>{message.text}</Message> : null}
      </form>
    </li>
  );
}
