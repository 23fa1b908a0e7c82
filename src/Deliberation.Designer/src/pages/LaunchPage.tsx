import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { AnchorResponse, RankingResponse, VersionDocument, VersionSummary, WorkflowInput } from '../api/types';
import { DurationField, DurationListField, splitDurationList } from '../components/DurationField';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { anchorFilled, buildInput, initialText } from '../forms/workflowInputs';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';

interface Launchable { definitionId: string; name: string; version: number }

/** Hours of the day written as 22:00-07:00 (quiet hours): the two times, or null for any other text. */
function hoursOfDay(text: string): { from: string; to: string } | null {
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text.trim());
  return m ? { from: m[1]!, to: m[2]! } : null;
}

/** Workflows with a published version, each with its newest published version (the one an anchor starts). */
async function loadLaunchable(): Promise<Launchable[]> {
  const latest = await request<VersionSummary[]>('/api/workflows');
  const rows = await Promise.all(latest.map(async (w) => {
    if (w.isPublished) return { definitionId: w.definitionId, name: w.displayName ?? w.definitionId, version: w.version };
    const versions = await request<VersionSummary[]>(`/api/workflows/${encodeURIComponent(w.definitionId)}/versions`);
    const published = versions.filter((v) => v.isPublished).sort((a, b) => b.version - a.version)[0];
    return published ? { definitionId: w.definitionId, name: published.displayName ?? w.definitionId, version: published.version } : null;
  }));
  return rows.filter((r): r is Launchable => r !== null);
}

export function LaunchPage() {
  const { t, pick } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const ranking = useLoad(() => request<RankingResponse>(`/api/communities/${communityId}/complaints/ranking`), [communityId]);
  const workflows = useLoad(loadLaunchable, []);
  const [complaintId, setComplaintId] = useState('');
  const [definitionId, setDefinitionId] = useState('fanshi-youjiqing');
  const version = workflows.data?.find((w) => w.definitionId === definitionId)?.version;
  const definition = useLoad(async () => version === undefined ? undefined
    : request<VersionDocument>(`/api/workflows/${encodeURIComponent(definitionId)}?version=${version}`), [definitionId, version]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [launched, setLaunched] = useState<AnchorResponse | null>(null);

  useEffect(() => { setTexts({}); setErrors({}); }, [definitionId]);
  useEffect(() => {
    if (!complaintId && ranking.data?.items[0]) setComplaintId(ranking.data.items[0].complaintId);
  }, [ranking.data, complaintId]);

  const inputs = (definition.data?.definition.inputs ?? []).filter((i) => !anchorFilled.has(i.name));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setMessage(null);
    const built = buildInput(inputs, texts);
    const local: Record<string, string> = {};
    for (const [k, v] of Object.entries(built.errors)) local[k] = t(v);
    if (!complaintId) local.complaintId = t('required');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const answer = await request<AnchorResponse>(`/api/communities/${communityId}/complaints/${complaintId}/anchor`, {
        method: 'POST', body: { definitionId, input: built.input },
      });
      setLaunched(answer);
      setMessage({ kind: 'success', text: t('launched', { caseNumber: answer.complaint.caseNumber ?? '' }) });
      setComplaintId('');
      ranking.reload();
    } catch (err) {
      const server: Record<string, string> = {};
      if (err instanceof ApiError) {
        for (const [k, v] of Object.entries(err.problem.errors ?? {})) server[k.replace(/^input\./, '')] = v.join(' ');
      }
      setErrors(server);
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) + (err instanceof ApiError && err.problem.detail ? `${t('colon')}${err.problem.detail}` : '') });
    } finally {
      setBusy(false);
    }
  };

  /** One input of the workflow as a field: a dropdown for a fixed set of values, number and unit for a duration, two time pickers for hours of the day. */
  const field = (input: WorkflowInput) => {
    const id = `input-${input.name}`;
    const error = errors[input.name];
    const label = pick(input.displayName) || input.name;
    const text = texts[input.name] ?? initialText(input);
    const set = (value: string) => setTexts({ ...texts, [input.name]: value });
    const describedBy = [error ? `${id}-error` : '', input.description ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
    const hours = input.type === 'text' && !input.options?.length ? hoursOfDay(text) : null;
    return (
      <div key={input.name} className="field">
        <label htmlFor={id}>{label}{input.required ? ' *' : ''}</label>
        {input.options?.length
          ? <select id={id} name={input.name} value={text} onChange={(e) => set(e.target.value)} aria-invalid={!!error} aria-describedby={describedBy}>
              {input.required || input.default != null ? null : <option value="">—</option>}
              {input.options.map((o) => <option key={o.value} value={o.value}>{pick(o.displayName) || o.value}</option>)}
            </select>
          : input.type === 'boolean'
          ? <select id={id} value={text} onChange={(e) => set(e.target.value)}><option value="true">✓</option><option value="false">✗</option></select>
          : input.type === 'duration'
          ? <DurationField id={id} label={label} value={text} onChange={set} invalid={!!error} describedBy={describedBy} />
          : input.type === 'number'
          ? <input id={id} name={input.name} type="number" min={0} step={1} inputMode="numeric" value={text} onChange={(e) => set(e.target.value)}
              aria-invalid={!!error} aria-describedby={describedBy} />
          : input.type === 'text' && !input.options?.length && splitDurationList(initialText(input))
          ? <DurationListField id={id} label={label} value={text} onChange={set} invalid={!!error} describedBy={describedBy} />
          : hours
          ? (
            <span className="duration-field">
              <input id={id} type="time" value={hours.from} aria-label={`${label} · ${t('quietFrom')}`} onChange={(e) => set(`${e.target.value}-${hours.to}`)} aria-describedby={describedBy} />
              <span aria-hidden="true">–</span>
              <input type="time" value={hours.to} aria-label={`${label} · ${t('quietTo')}`} onChange={(e) => set(`${hours.from}-${e.target.value}`)} />
            </span>
          )
          : <input id={id} name={input.name} value={text} onChange={(e) => set(e.target.value)} aria-invalid={!!error} aria-describedby={describedBy} />}
        {input.description ? <p className="help" id={`${id}-help`}>{pick(input.description)}</p> : null}
        {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
      </div>
    );
  };

  return (
    <>
      <h1>{t('launchTitle')}</h1>
      <form className="card" onSubmit={submit} noValidate aria-label={t('launchTitle')}>
        <label htmlFor="launch-issue">{t('chooseIssue')}</label>
        <select id="launch-issue" value={complaintId} onChange={(e) => setComplaintId(e.target.value)} aria-invalid={!!errors.complaintId}
          aria-describedby={errors.complaintId ? 'launch-issue-error' : undefined}>
          <option value="">—</option>
          {(ranking.data?.items ?? []).map((r) => <option key={r.complaintId} value={r.complaintId}>#{r.rank} {r.title}{t('inParentheses', { text: `${t('score')} ${r.score.toFixed(1)}` })}</option>)}
        </select>
        {errors.complaintId ? <p className="field-error" id="launch-issue-error">{errors.complaintId}</p> : null}
        <label htmlFor="launch-workflow">{t('chooseWorkflow')}</label>
        <select id="launch-workflow" value={definitionId} onChange={(e) => setDefinitionId(e.target.value)}>
          {(workflows.data ?? []).map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}{t('inParentheses', { text: t('version', { n: w.version }) })}</option>)}
        </select>
        <fieldset>
          <legend>{t('workflowInputs')}</legend>
          {definition.error ? <Message kind="error">{errorText(definition.error, t('requestFailed'))}</Message> : null}
          {inputs.filter((i) => !i.advanced).map(field)}
          {inputs.some((i) => i.advanced) ? (
            <details className="advanced" data-testid="advanced-inputs" open={inputs.some((i) => i.advanced && errors[i.name])}>
              <summary>{t('advancedSettings')}</summary>
              <p className="help">{t('advancedSettingsHelp')}</p>
              {inputs.filter((i) => i.advanced).map(field)}
            </details>
          ) : null}
          <p className="help">{t('filledByAnchor')}{t('colon')}{(definition.data?.definition.inputs ?? []).filter((i) => anchorFilled.has(i.name))
            .map((i) => pick(i.displayName) || i.name).join('、')}</p>
        </fieldset>
        {message ? <Message kind={message.kind} testId="launch-message">{message.text}</Message> : null}
        {launched ? <p><Link to={`/deliberations/${launched.instance.instanceId}`}>{t('deliberationTitle')} {launched.complaint.caseNumber}</Link></p> : null}
        {/* Launching runs the workflow's first step: the button waits with it, so a second click cannot launch twice. */}
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{t('launch')}</button>
        {busy ? <span className="muted" role="status"> {t('launching')}</span> : null}
      </form>
    </>
  );
}
