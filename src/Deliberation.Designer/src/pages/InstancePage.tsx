import { useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { request } from '../api/client';
import type { InstanceDetails, JournalRow } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { nodeTypes } from '../designer/ActivityNode';
import { loadDescriptors } from '../designer/descriptors';
import { minimapColor, toEdges, toNodes } from '../designer/flow';
import { useFlowAriaLabels } from '../designer/flowLabels';
import { autoLayout, hasLayout, nodeHeight, nodeWidth } from '../designer/graph';
import { showInitialView } from '../designer/viewport';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { incidentIsKnown, incidentText } from '../incidents';
import { beijingTime } from '../beijingTime';
import { signalKey } from '../signals';
import { pathTaken } from '../steps';
import { loadDefinition, statusKey } from './DashboardPage';
import { ActivityDetails } from './ActivityDetails';

async function loadInstance(id: string) {
  const [details, journal, descriptors] = await Promise.all([
    request<InstanceDetails>(`/api/instances/${id}`),
    request<JournalRow[]>(`/api/instances/${id}/journal`),
    loadDescriptors(),
  ]);
  const definition = await loadDefinition(details.instance.definitionId, details.instance.definitionVersion);
  return { details, journal, descriptors, definition };
}

/** Statuses an instance does not leave by itself (a faulted one waits for staff to retry). */
const endedStatuses = ['Finished', 'Cancelled', 'Faulted'];
const refreshEvery = 4000;

/** The definition's diagram with the path the instance took, what it waits on and where it failed; retry and cancel. */
export function InstancePage({ id }: { id: string }) {
  const { t, pick, lang } = useI18n();
  const loaded = useLoad(() => loadInstance(id), [id]);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const ariaLabels = useFlowAriaLabels();
  const [chosen, setChosen] = useState<string>();
  // A running instance moves on as people answer by email and timers fire: the page follows it until it ends.
  const live = !!loaded.data && !endedStatuses.includes(loaded.data.details.instance.status);
  const reload = loaded.reload;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(reload, refreshEvery);
    return () => window.clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, id]);

  const diagram = useMemo(() => {
    if (!loaded.data) return null;
    const { details, journal, descriptors, definition } = loaded.data;
    const doc = hasLayout(definition) ? definition : autoLayout(definition);
    const byType = new Map(descriptors.map((d) => [d.type, d]));
    const path = pathTaken(doc, journal);
    const states = new Map<string, 'taken' | 'waiting' | 'incident'>();
    for (const a of path.activities) states.set(a, 'taken');
    for (const w of details.waiting) states.set(w.activityId, 'waiting');
    for (const i of details.incidents) states.set(i.activityId, 'incident');
    return {
      nodes: toNodes(doc, byType, (d) => pick(d.displayName), new Set(), new Set(), states).map((n) => ({
        // Read-only nodes never get their measured size back (no onNodesChange); the minimap needs one to draw them.
        ...n, draggable: false, connectable: false, initialWidth: nodeWidth, initialHeight: nodeHeight,
      })),
      edges: toEdges(doc, byType, path.connections),
      labels: new Map(doc.activities.map((a) => [a.id, a.label || a.id])),
      // Where the case stands: a failed step first, then what it waits on, else where it began.
      focus: details.incidents[0]?.activityId ?? details.waiting[0]?.activityId ?? doc.activities.find((a) => a.type === 'Start')?.id,
    };
  }, [loaded.data, pick]);

  if (loaded.error) return <><h1>{t('instanceTitle')}</h1><Message kind="error" testId="page-error">{errorText(loaded.error, t('requestFailed'))}</Message></>;
  if (!loaded.data || !diagram) return <p>{t('loading')}</p>;
  const { details } = loaded.data;
  const ended = ['Finished', 'Cancelled'].includes(details.instance.status);

  const act = async (path: string, done: string) => {
    setMessage(null);
    try {
      await request(path, { method: 'POST' });
      setMessage({ kind: 'success', text: done });
      loaded.reload();
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')) });
    }
  };

  return (
    <>
      <h1>{t('instanceTitle')} · {pick(loaded.data.definition.displayName) || details.instance.definitionId} · {details.instance.correlationId ?? details.instance.id.slice(0, 8)}</h1>
      <p>
        <span className={`badge status-${details.instance.status}`} data-testid="instance-status">{t(statusKey(details.instance.status))}</span>{' '}
        <code>{details.instance.definitionId} v{details.instance.definitionVersion}</code>{' '}
        {details.instance.correlationId ? <Link to={`/deliberations/${id}`}>{t('deliberationTitle')}</Link> : null}
      </p>
      {live ? <p className="muted" data-testid="instance-live">{t('instanceAutoRefresh')}</p> : null}
      <div className="instance-facts">
        <section className="card" aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t('waitingOn')}</h2>
          {details.waiting.length === 0 ? <p className="muted">{t('none')}</p> : (
            <ul className="plain" data-testid="waiting">
              {details.waiting.map((w) => <li key={w.executionId} className="mini-card waiting">{diagram.labels.get(w.activityId)} <code>{w.activityId}</code></li>)}
            </ul>
          )}
        </section>
        {details.queuedSignals.length > 0 ? (
          <section className="card" aria-labelledby="queued-title">
            <h2 id="queued-title">{t('queuedSignals')}</h2>
            <p className="muted">{t('queuedSignalsHint')}</p>
            <ul className="plain" data-testid="queued-signals">
              {details.queuedSignals.map((q) => (
                <li key={q.id} className="mini-card">
                  {signalKey(q.name) ? t(signalKey(q.name)!) : <code>{q.name}</code>} <span className="muted">{beijingTime(q.queuedAt, lang, 'short')}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="card" aria-labelledby="incidents-title">
          <h2 id="incidents-title">{t('incidents')}</h2>
          {details.incidents.length === 0 ? <p className="muted">{t('noIncidents')}</p> : (
            <ul className="plain">
              {details.incidents.map((i) => (
                <li key={i.id} className="mini-card incident">
                  <span data-testid="incident-text">{t('incidentAt', { id: diagram.labels.get(i.activityId) ?? i.activityId, message: incidentText(i) })}</span>{' '}
                  <button type="button" onClick={() => void act(`/api/instances/${id}/incidents/${i.id}/retry`, t('retried'))}>{t('retryIncident')}</button>
                  {incidentIsKnown(i) ? (
                    // For whoever fixes the workflow or the server: the engine's own words.
                    <details className="technical">
                      <summary>{t('technicalDetails')}</summary>
                      <code lang="en">{i.activityId} · {i.errorType}: {i.message}</code>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {message ? <Message kind={message.kind} testId="instance-message">{message.text}</Message> : null}
      {!ended ? (
        <p><button type="button" className="danger" onClick={() => { if (window.confirm(t('cancelConfirm'))) void act(`/api/instances/${id}/cancel`, t('cancelled')); }}>{t('cancelInstance')}</button></p>
      ) : null}
      <div className="canvas viewer" ref={canvasRef} data-testid="instance-canvas" role="region" aria-label={t('pathTaken')}>
        <ReactFlowProvider>
          <ReactFlow nodes={diagram.nodes} edges={diagram.edges} nodeTypes={nodeTypes} nodesDraggable={false} nodesConnectable={false}
            onInit={(instance) => showInitialView(instance, canvasRef.current, diagram.nodes, diagram.focus, 'middle')}
            onNodeClick={(_, node) => setChosen(node.id)}
            proOptions={{ hideAttribution: true }} minZoom={0.1} ariaLabelConfig={ariaLabels}>
            <Background />
            <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1 }} />
            <MiniMap pannable zoomable nodeColor={minimapColor} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
      <ActivityDetails definition={loaded.data.definition} descriptors={loaded.data.descriptors} journal={loaded.data.journal}
        inputs={details.inputs ?? {}} outputs={details.outputs} activityId={chosen ?? diagram.focus} onChoose={setChosen} communityId={details.instance.communityId} />
    </>
  );
}
