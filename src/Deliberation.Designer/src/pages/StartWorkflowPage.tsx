import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import type { StepReport, VersionDocument } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { WorkflowInputFields } from '../components/WorkflowInputFields';
import { useWorkflowInputForm } from '../forms/useWorkflowInputForm';
import { needsComplaint, startFilled } from '../forms/workflowInputs';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { loadLaunchable } from '../launchable';
import { navigate, queryParam, usePath } from '../router';
import { useSession } from '../session';

/**
 * 启动流程: staff start any published workflow of their community without a complaint — a monthly deliberation, a
 * question to a building, a four-party meeting — filling its inputs in typed fields; then they watch it run on the
 * instance's page. A workflow that needs an anchored complaint is sent to 发起议事 instead.
 */
export function StartWorkflowPage() {
  const { t, pick } = useI18n();
  const { community } = useSession();
  const communityId = community?.id ?? '';
  const path = usePath();
  const workflows = useLoad(loadLaunchable, []);
  const [definitionId, setDefinitionId] = useState(() => queryParam(path, 'workflow') ?? '');
  const chosen = workflows.data?.find((w) => w.definitionId === definitionId);
  const definition = useLoad(async () => chosen === undefined ? undefined
    : request<VersionDocument>(`/api/workflows/${encodeURIComponent(chosen.definitionId)}?version=${chosen.version}`), [chosen?.definitionId, chosen?.version]);
  const form = useWorkflowInputForm();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { form.reset(); setMessage(''); }, [definitionId]);

  const declared = definition.data?.definition.inputs ?? [];
  const inputs = declared.filter((i) => !startFilled.has(i.name));
  const fromComplaint = needsComplaint(declared);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !chosen || fromComplaint) {
      if (!chosen) form.setErrors({ workflow: t('required') });
      return;
    }
    setMessage('');
    const input = form.build(inputs, startFilled);
    if (!input) return;
    // The workflow runs in this community: an input that names it is filled in, as the anchor fills a complaint's.
    if (declared.some((i) => i.name === 'communityId')) input.communityId = communityId;
    setBusy(true);
    try {
      const report = await request<StepReport>('/api/instances', {
        method: 'POST', body: { definitionId: chosen.definitionId, version: chosen.version, input, communityId },
      });
      navigate(`/instances/${report.instanceId}`);
    } catch (err) {
      form.showRefusal(err);
      setMessage(errorText(err, t('requestFailed')) + (err instanceof ApiError && err.problem.detail ? `${t('colon')}${err.problem.detail}` : ''));
      setBusy(false);
    }
  };

  const description = definition.data?.definition.description;
  return (
    <>
      <h1>{t('startTitle')}</h1>
      <p className="help">{t('startHelp')}</p>
      <form className="card" onSubmit={submit} noValidate aria-label={t('startTitle')}>
        <label htmlFor="start-workflow">{t('chooseWorkflow')} *</label>
        <select id="start-workflow" value={definitionId} onChange={(e) => setDefinitionId(e.target.value)} aria-invalid={!!form.errors.workflow}
          aria-describedby={form.errors.workflow ? 'start-workflow-error' : undefined}>
          <option value="">{t('choose')}</option>
          {(workflows.data ?? []).map((w) => <option key={w.definitionId} value={w.definitionId}>{w.name}{t('inParentheses', { text: t('version', { n: w.version }) })}</option>)}
        </select>
        {form.errors.workflow ? <p className="field-error" id="start-workflow-error">{form.errors.workflow}</p> : null}
        {workflows.error ? <Message kind="error">{errorText(workflows.error, t('requestFailed'))}</Message> : null}
        {workflows.data && workflows.data.length === 0 ? <p className="muted">{t('startNoWorkflows')}</p> : null}
        {description && pick(description) ? <p className="help" data-testid="start-description">{pick(description)}</p> : null}
        {fromComplaint ? (
          <Message kind="warning" testId="start-needs-complaint">{t('startNeedsComplaint')} <Link to="/launch">{t('navLaunch')}</Link></Message>
        ) : chosen ? (
          <fieldset>
            <legend>{t('workflowInputs')}</legend>
            {definition.error ? <Message kind="error">{errorText(definition.error, t('requestFailed'))}</Message> : null}
            {definition.data && inputs.length === 0 ? <p className="muted">{t('startNoInputs')}</p> : null}
            <WorkflowInputFields inputs={inputs} texts={form.texts} errors={form.errors} communityId={communityId}
              onText={(name, text) => form.setText(inputs.find((i) => i.name === name), text)} />
          </fieldset>
        ) : null}
        {message ? <Message kind="error" testId="start-message">{message}</Message> : null}
        {/* Starting runs the workflow's first step: the button waits with it, so a second click cannot start twice. */}
        <button type="submit" className="primary" disabled={busy || fromComplaint || !definition.data} aria-busy={busy}>{t('startButton')}</button>
        {busy ? <span className="muted" role="status"> {t('starting')}</span> : null}
      </form>
    </>
  );
}
