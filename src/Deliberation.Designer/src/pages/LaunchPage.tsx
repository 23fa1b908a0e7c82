import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { AnchorResponse, LaunchProposal, RankingResponse, RulesTemplate, VersionDocument } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { WorkflowInputFields } from '../components/WorkflowInputFields';
import { advisorChoices, missingKinds, proposedSelection, type AdvisorSelection } from '../forms/catalogue';
import { useWorkflowInputForm } from '../forms/useWorkflowInputForm';
import { anchorFilled } from '../forms/workflowInputs';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { loadLaunchable } from '../launchable';
import { partyKindLabel } from '../partyKinds';
import { useSession } from '../session';

export function LaunchPage() {
  const { t, pick, lang } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const ranking = useLoad(() => request<RankingResponse>(`/api/communities/${communityId}/complaints/ranking`), [communityId]);
  const workflows = useLoad(loadLaunchable, []);
  const [complaintId, setComplaintId] = useState('');
  const [definitionId, setDefinitionId] = useState('fanshi-youjiqing');
  // The catalogue's proposal for the chosen complaint's kind: its workflow, and the advisors it requires with candidates.
  const proposal = useLoad(async () => complaintId
    ? request<LaunchProposal>(`/api/communities/${communityId}/complaints/${complaintId}/launch-proposal`) : null, [communityId, complaintId]);
  const templates = useLoad(() => request<RulesTemplate[]>('/api/rules-templates'), []);
  const [advisors, setAdvisors] = useState<AdvisorSelection>({});
  const version = workflows.data?.find((w) => w.definitionId === definitionId)?.version;
  const definition = useLoad(async () => version === undefined ? undefined
    : request<VersionDocument>(`/api/workflows/${encodeURIComponent(definitionId)}?version=${version}`), [definitionId, version]);
  const form = useWorkflowInputForm();
  const { errors } = form;
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [launched, setLaunched] = useState<AnchorResponse | null>(null);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { form.reset(); }, [definitionId]);
  // A new complaint brings its kind's proposal: the workflow preselected and the proposed advisors (staff may change both).
  useEffect(() => {
    if (!proposal.data) return;
    setDefinitionId(proposal.data.definitionId);
    setAdvisors(proposedSelection(proposal.data));
  }, [proposal.data]);
  useEffect(() => {
    // The top-ranked issue unless staff chose one meanwhile (a choice made while the ranking loaded is kept).
    const first = ranking.data?.items[0]?.complaintId;
    if (!complaintId && first) setComplaintId((current) => current || first);
  }, [ranking.data, complaintId]);

  const inputs = (definition.data?.definition.inputs ?? []).filter((i) => !anchorFilled.has(i.name));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setMessage(null);
    const input = form.build(inputs, undefined, complaintId ? {} : { complaintId: t('required') });
    if (!input) return;
    setBusy(true);
    try {
      const answer = await request<AnchorResponse>(`/api/communities/${communityId}/complaints/${complaintId}/anchor`, {
        method: 'POST', body: { definitionId, input, advisors: advisorChoices(proposal.data, advisors) },
      });
      setLaunched(answer);
      const seated = (answer.advisors ?? []).map((a) => `${a.name}（${partyKindLabel(t, a.kind)}）`).join('、');
      const missing = (answer.missingAdvisors ?? []).map((k) => partyKindLabel(t, k)).join('、');
      setMessage({
        kind: 'success',
        text: [t('launched', { caseNumber: answer.complaint.caseNumber ?? '' }), seated ? t('launchedAdvisors', { names: seated }) : '',
          missing ? t('launchedMissing', { kinds: missing }) : ''].filter(Boolean).join(' '),
      });
      setComplaintId('');
      ranking.reload();
    } catch (err) {
      form.showRefusal(err);
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) + (err instanceof ApiError && err.problem.detail ? `${t('colon')}${err.problem.detail}` : '') });
    } finally {
      setBusy(false);
    }
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
        {proposal.error ? <Message kind="error">{errorText(proposal.error, t('requestFailed'))}</Message> : null}
        <label htmlFor="launch-workflow">{t('chooseWorkflow')}</label>
        <select id="launch-workflow" value={definitionId} onChange={(e) => setDefinitionId(e.target.value)}>
          {(workflows.data ?? []).map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}{t('inParentheses', { text: t('version', { n: w.version }) })}</option>)}
        </select>
        {proposal.data?.fromCatalogue && proposal.data.matter ? (
          <p className="help" data-testid="launch-proposed">{t('proposedByCatalogue', { matter: lang === 'en' ? proposal.data.matter.en : proposal.data.matter.zh })}</p>
        ) : null}
        {proposal.data?.rulesTemplate ? (
          <p className="help" data-testid="launch-rules">{t('launchRules', {
            rules: (() => { const r = templates.data?.find((x) => x.code === proposal.data!.rulesTemplate); return r ? (lang === 'en' ? r.nameEn : r.nameZh) : proposal.data.rulesTemplate; })(),
          })}</p>
        ) : null}
        {proposal.data && proposal.data.advisors.length > 0 ? (
          <fieldset data-testid="launch-advisors" aria-describedby="launch-advisors-help">
            <legend>{t('launchAdvisors')}</legend>
            <p className="help" id="launch-advisors-help">{t('launchAdvisorsHelp')}</p>
            {proposal.data.advisors.map((a) => {
              const kind = partyKindLabel(t, a.kind);
              const id = `launch-advisor-${a.kind}`;
              return (
                <div key={a.kind} className="field">
                  <label htmlFor={id}>{kind}</label>
                  <select id={id} value={advisors[a.kind] ?? ''} disabled={a.candidates.length === 0}
                    onChange={(e) => setAdvisors({ ...advisors, [a.kind]: e.target.value })}>
                    <option value="">{t('advisorNobody')}</option>
                    {a.candidates.map((c) => <option key={c.personId} value={c.personId}>{c.name}</option>)}
                  </select>
                  {missingKinds(proposal.data, advisors).includes(a.kind) ? (
                    <Message kind="warning" testId={`${id}-missing`}>{t(a.candidates.length === 0 ? 'advisorMissing' : 'advisorNotChosen', { kind })}</Message>
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t('workflowInputs')}</legend>
          {definition.error ? <Message kind="error">{errorText(definition.error, t('requestFailed'))}</Message> : null}
          <WorkflowInputFields inputs={inputs} texts={form.texts} errors={errors} communityId={communityId}
            onText={(name, text) => form.setText(inputs.find((i) => i.name === name), text)} />
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
