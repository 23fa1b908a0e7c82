import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, applyNodeChanges, useReactFlow,
  type Connection, type Edge, type NodeChange, type OnSelectionChangeParams,
} from '@xyflow/react';
import { ApiError, request, requestFull } from '../api/client';
import type { ActivityDescriptor, DefinitionProblem, Expression, ScheduleView, VersionDocument, VersionSummary, WorkflowDefinition } from '../api/types';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { navigate, setNavigationGuard } from '../router';
import { useSession } from '../session';
import { nodeTypes, type ActivityFlowNode } from './ActivityNode';
import { minimapColor, toEdges, toNodes } from './flow';
import {
  addActivity, autoLayout, connect, hasLayout, moveActivities, parseDefinition, removeElements, serialize, setInput, setLabel, type Point,
} from './graph';
import { canRedo, canUndo, createHistory, push, redo, undo, type History } from './history';
import { dragType, Palette } from './Palette';
import { PropertyPanel, type FieldProblem } from './PropertyPanel';
import { scheduleProblems, setSchedule } from './schedule';
import { DefinitionPanel } from './DefinitionPanel';
import { definitionFieldProblems } from './definitionFields';
import { loadSignals } from './descriptors';
import { SchedulePanel } from './SchedulePanel';
import { showInitialView } from './viewport';
import { useFlowAriaLabels } from './flowLabels';

/**
 * A definition as loaded: the document, its ETag for If-Match, the version it is (null for a new workflow), and its
 * schedule's next occurrences as the server computed them (null without a schedule).
 */
export interface LoadedWorkflow { doc: WorkflowDefinition; etag: string | null; summary: VersionSummary | null; schedule?: ScheduleView | null }

/**
 * The designer: palette, canvas and property panel over one definition, with undo/redo, save (If-Match),
 * publish, import/export and unsaved-change protection.
 */
export function DesignerEditor({ initial, descriptors, reload, shared = false }:
  { initial: LoadedWorkflow; descriptors: ActivityDescriptor[]; reload: () => void; shared?: boolean }) {
  const { t, pick, lang } = useI18n();
  const { community, me } = useSession();
  const flow = useReactFlow();
  const byType = useMemo(() => new Map(descriptors.map((d) => [d.type, d])), [descriptors]);
  const signals = useLoad(loadSignals, []);
  const [history, setHistory] = useState<History<WorkflowDefinition>>(() =>
    createHistory(hasLayout(initial.doc) ? initial.doc : autoLayout(initial.doc)));
  const doc = history.present;
  const [savedDoc, setSavedDoc] = useState<WorkflowDefinition | null>(initial.summary ? history.present : null);
  const [etag, setEtag] = useState(initial.etag);
  const [summary, setSummary] = useState(initial.summary);
  const [problems, setProblems] = useState<DefinitionProblem[]>([]);
  const [scheduleView, setScheduleView] = useState<ScheduleView | null>(initial.schedule ?? null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success' | 'info'; text: string; testId?: string } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const versions = useLoad(() => request<VersionSummary[]>(`/api/workflows/${encodeURIComponent(doc.id)}/versions`)
    .catch((err: unknown) => { if (err instanceof ApiError && err.status === 404) return [] as VersionSummary[]; throw err; }), [doc.id]);
  const dirty = doc !== savedDoc;
  // A shared workflow the account may not change: read it, or save a copy for the community (then change that).
  const readOnly = summary !== null && !summary.canChange;
  const [copyId, setCopyId] = useState(`${initial.doc.id}-${community?.code ?? 'own'}`);
  const importRef = useRef<HTMLInputElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const ariaLabels = useFlowAriaLabels();

  const commit = useCallback((next: WorkflowDefinition, mergeKey: string | null = null) => setHistory((h) => push(h, next, mergeKey)), []);
  const edit = useCallback((change: (d: WorkflowDefinition) => WorkflowDefinition, mergeKey: string | null = null) =>
    setHistory((h) => push(h, change(h.present), mergeKey)), []);

  // Unsaved-change protection: closing the tab and moving inside the app both ask first.
  useEffect(() => {
    if (!dirty) { setNavigationGuard(null); return; }
    const onUnload = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', onUnload);
    setNavigationGuard(() => window.confirm(t('unsavedConfirm')));
    return () => { window.removeEventListener('beforeunload', onUnload); setNavigationGuard(null); };
  }, [dirty, t]);

  const errorIds = useMemo(() => new Set(problems.map((p) => p.activityId).filter((x): x is string => !!x)), [problems]);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const pickName = useCallback((d: ActivityDescriptor) => pick(d.displayName), [pick]);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(() => toNodes(doc, byType, pickName, errorIds, selectedSet));
  const mounted = useRef(false);
  useEffect(() => {
    // The first render already has these nodes; building them again would re-render the whole diagram once more.
    if (!mounted.current) { mounted.current = true; return; }
    setNodes(toNodes(doc, byType, pickName, errorIds, selectedSet));
  },
    // Selection lives in React Flow's nodes while clicking; rebuilding on it would only repeat it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, byType, pickName, errorIds]);
  const edges = useMemo(() => toEdges(doc, byType), [doc, byType]);

  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
  }, []);
  const onSelectionChange = useCallback(({ nodes: ns }: OnSelectionChangeParams) => setSelected(ns.map((n) => n.id)), []);
  const onNodeDragStop = useCallback((_: unknown, __: unknown, dragged: ActivityFlowNode[]) => {
    edit((d) => moveActivities(d, new Map(dragged.map((n) => [n.id, n.position] as [string, Point]))));
  }, [edit]);
  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && c.sourceHandle) edit((d) => connect(d, c.source, c.sourceHandle!, c.target));
  }, [edit]);
  const onDelete = useCallback(({ nodes: ns, edges: es }: { nodes: ActivityFlowNode[]; edges: Edge[] }) => {
    edit((d) => removeElements(d, ns.map((n) => n.id), es.map((e) => e.id)));
  }, [edit]);

  const add = useCallback((descriptor: ActivityDescriptor, at?: Point) => {
    let position = at;
    if (!position) {
      const anchor = doc.activities.find((a) => a.id === selected[0]) ?? doc.activities[doc.activities.length - 1];
      const p = anchor?.metadata?.designer?.position ?? { x: 0, y: 0 };
      position = { x: p.x + 40, y: p.y + 120 };
    }
    const result = addActivity(doc, descriptor, position);
    commit(result.doc);
    setSelected([result.id]);
    setNodes((ns) => ns.map((n) => ({ ...n, selected: false })));
  }, [doc, selected, commit]);

  const onDrop = useCallback((e: DragEvent) => {
    e.preventDefault();
    const type = e.dataTransfer.getData(dragType);
    const descriptor = byType.get(type);
    if (descriptor) add(descriptor, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  }, [add, byType, flow]);

  const doUndo = useCallback(() => setHistory((h) => undo(h)), []);
  const doRedo = useCallback(() => setHistory((h) => redo(h)), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); doUndo(); }
      else if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); doRedo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  // While problems are shown, re-check as the fields change so that a fixed field clears at once.
  useEffect(() => {
    if (problems.length === 0) return;
    const timer = window.setTimeout(async () => {
      try {
        const result = await request<{ valid: boolean; problems: DefinitionProblem[] }>('/api/workflows/validate', { method: 'POST', body: serialize(doc) });
        setProblems(result.problems);
      } catch { /* the next save reports it */ }
    }, 400);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);

  const showProblems = (list: DefinitionProblem[]) => {
    setProblems(list);
    const first = list.find((p) => p.activityId);
    if (first?.activityId) {
      setSelected([first.activityId]);
      setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === first.activityId })));
    } else if (scheduleProblems(list).length > 0) {
      // The schedule is edited with nothing selected: show it with its errors.
      setSelected([]);
      setNodes((ns) => ns.map((n) => ({ ...n, selected: false })));
    }
  };

  // The next occurrences come from the server (Cronos, Beijing time): asked again after each save and publish.
  const refreshSchedule = async (version: number) => {
    try {
      const loaded = await request<VersionDocument>(`/api/workflows/${encodeURIComponent(doc.id)}?version=${version}`);
      setScheduleView(loaded.schedule ?? null);
    } catch { /* the summary says "shown after saving" until the next load */ }
  };

  const save = async (): Promise<{ summary: VersionSummary; etag: string } | null> => {
    setMessage(null);
    try {
      // A new workflow belongs to the community being worked in, unless an administrator makes it shared.
      const owner = !summary && !shared && community ? `?communityId=${encodeURIComponent(community.id)}` : '';
      const { data, headers } = await requestFull<VersionSummary>(`/api/workflows/${encodeURIComponent(doc.id)}${owner}`, {
        method: 'PUT', body: serialize(doc), headers: etag ? { 'If-Match': etag } : {},
      });
      const newEtag = headers.get('ETag') ?? data.eTag;
      setEtag(newEtag);
      setSummary(data);
      setSavedDoc(doc);
      setProblems([]);
      setMessage({ kind: 'success', text: t('saved', { n: data.version }), testId: 'designer-message' });
      versions.reload();
      void refreshSchedule(data.version);
      return { summary: data, etag: newEtag };
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setMessage({ kind: 'error', text: `${t('conflict')}(${err.problem.title ?? ''})`, testId: 'designer-message' });
      } else if (err instanceof ApiError && err.problem.problems?.length) {
        showProblems(err.problem.problems);
        setMessage({ kind: 'error', text: t('invalidDefinition'), testId: 'designer-message' });
      } else {
        setMessage({ kind: 'error', text: errorText(err, t('requestFailed')), testId: 'designer-message' });
      }
      return null;
    }
  };

  const publish = async () => {
    let current = summary && etag && !dirty && !summary.isPublished ? { summary, etag } : null;
    if (!current) {
      if (!dirty && summary?.isPublished) return;
      current = await save();
      if (!current) return;
    }
    try {
      const { data, headers } = await requestFull<VersionSummary>(
        `/api/workflows/${encodeURIComponent(doc.id)}/versions/${current.summary.version}/publish`, { method: 'POST', headers: { 'If-Match': current.etag } });
      setEtag(headers.get('ETag') ?? data.eTag);
      setSummary(data);
      setMessage({ kind: 'success', text: t('publishedVersion', { n: data.version }), testId: 'designer-message' });
      versions.reload();
      void refreshSchedule(data.version);
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError && err.status === 409 ? t('conflict') : errorText(err, t('requestFailed')), testId: 'designer-message' });
    }
  };

  const saveAsOwn = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(copyId)) { setMessage({ kind: 'error', text: t('newWorkflowId'), testId: 'designer-message' }); return; }
    const name = pick(doc.displayName) || doc.id;
    // The copy starts in this community only: a shared schedule's list of communities does not come along.
    const schedule = doc.schedule ? { ...doc.schedule, communityIds: null, allCommunities: null } : undefined;
    const copy = { ...setSchedule(doc, schedule), id: copyId, displayName: { 'zh-CN': `${name}（${community?.name ?? t('ownWorkflow')}）`, en: `${doc.displayName?.en ?? doc.id} (${community?.name ?? 'own'})` } };
    try {
      await request<VersionSummary>(`/api/workflows/${encodeURIComponent(copyId)}${community ? `?communityId=${encodeURIComponent(community.id)}` : ''}`,
        { method: 'PUT', body: serialize(copy) });
      navigate(`/designer/${encodeURIComponent(copyId)}`);
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t('requestFailed')), testId: 'designer-message' });
    }
  };

  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([serialize(doc)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${doc.id}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const importJson = async (file: File | undefined) => {
    if (!file) return;
    try {
      const imported = parseDefinition(await file.text());
      const next = { ...imported, id: doc.id };
      commit(hasLayout(next) ? next : autoLayout(next));
      setMessage(null);
    } catch {
      setMessage({ kind: 'error', text: t('importFailed'), testId: 'designer-message' });
    }
    if (importRef.current) importRef.current.value = '';
  };

  const selectedActivity = selected.length === 1 ? doc.activities.find((a) => a.id === selected[0]) : undefined;
  const selectedProblems: FieldProblem[] = problems.filter((p) => p.activityId && p.activityId === selectedActivity?.id).map((p) => ({
    input: p.input,
    message: p.code === 'required' && p.input
      ? t('requiredInput', { name: pick(byType.get(selectedActivity!.type)?.inputs.find((i) => i.name === p.input)?.displayName) || p.input })
      : p.message,
  }));

  return (
    <div className="designer" data-dirty={dirty}>
      <div className="designer-head">
        <h1>{t('designerTitle')} · {pick(doc.displayName) || doc.id} <span className="muted">
          {summary ? `${t('version', { n: summary.version })} · ${summary.isPublished ? t('published') : t('draft')}` : t('draft')}</span>
          {dirty ? <span className="badge unsaved"> {t('unsaved')}</span> : null}
        </h1>
        <div className="toolbar" role="toolbar" aria-label={t('designerTitle')}>
          <button type="button" onClick={doUndo} disabled={!canUndo(history)} aria-keyshortcuts="Control+Z">{t('undo')}</button>
          <button type="button" onClick={doRedo} disabled={!canRedo(history)} aria-keyshortcuts="Control+Y">{t('redo')}</button>
          <button type="button" onClick={() => commit(autoLayout(doc))}>{t('autoLayout')}</button>
          <button type="button" onClick={() => onDelete({ nodes: nodes.filter((n) => selectedSet.has(n.id)), edges: [] })} disabled={selected.length === 0}>{t('deleteSelected')}</button>
          <button type="button" onClick={() => void save()} disabled={readOnly}>{t('saveDraft')}</button>
          <button type="button" className="primary" onClick={() => void publish()} disabled={readOnly}>{t('publish')}</button>
          <button type="button" onClick={exportJson}>{t('exportJson')}</button>
          <button type="button" onClick={() => importRef.current?.click()}>{t('importJson')}</button>
          <input ref={importRef} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-label={t('importJson')}
            onChange={(e) => void importJson(e.target.files?.[0])} />
          {message?.kind === 'error' && message.text.startsWith(t('conflict')) ? <button type="button" onClick={reload}>{t('reload')}</button> : null}
        </div>
        {readOnly ? (
          <form className="inline-form shared-note" onSubmit={(e) => void saveAsOwn(e)} data-testid="shared-note">
            <p>{t('sharedReadOnly')}</p>
            <label htmlFor="copy-id">{t('saveAsOwnId')}</label>
            <input id="copy-id" value={copyId} onChange={(e) => setCopyId(e.target.value)} />
            <button type="submit">{t('saveAsOwn')}</button>
          </form>
        ) : null}
        {message ? <Message kind={message.kind} testId={message.testId}>{message.text}</Message> : null}
      </div>
      <div className="designer-body">
        <Palette descriptors={descriptors} signals={signals.data ?? []} onAdd={(d) => add(d)} />
        <div className="canvas" ref={canvasRef} data-testid="canvas" data-ready={ready} aria-label={t('canvas')} role="region" lang={lang}
          onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop}>
          <ReactFlow
            nodes={nodes} edges={edges} nodeTypes={nodeTypes}
            onNodesChange={onNodesChange} onSelectionChange={onSelectionChange} onNodeDragStop={onNodeDragStop}
            onConnect={onConnect} onDelete={onDelete} deleteKeyCode={['Delete', 'Backspace']}
            onInit={(instance) => {
              showInitialView(instance, canvasRef.current, nodes, doc.activities.find((a) => a.type === 'Start')?.id);
              setReady(true);
            }}
            minZoom={0.1} proOptions={{ hideAttribution: true }} ariaLabelConfig={ariaLabels}
          >
            <Background />
            <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1 }} />
            {/* Drawn once the canvas is up: the overview is secondary and should not delay the diagram itself. */}
            {ready ? <MiniMap pannable zoomable nodeColor={minimapColor} /> : null}
          </ReactFlow>
        </div>
        <div className="side">
          <PropertyPanel doc={doc} activity={selectedActivity} descriptor={selectedActivity ? byType.get(selectedActivity.type) : undefined}
            problems={selectedProblems}
            onInput={(name, e: Expression | undefined) => edit((d) => setInput(d, selectedActivity!.id, name, e), `input:${selectedActivity!.id}:${name}`)}
            onLabel={(label) => edit((d) => setLabel(d, selectedActivity!.id, label), `label:${selectedActivity!.id}`)}
            onConnect={(port, target) => edit((d) => connect(d, selectedActivity!.id, port, target))}
            onDisconnect={(port, target) => edit((d) => removeElements(d, [], [`${selectedActivity!.id}:${port}->${target}`]))}
            workflow={<><DefinitionPanel doc={doc} problems={definitionFieldProblems(problems)} readOnly={readOnly} onChange={edit} /><SchedulePanel doc={doc} view={scheduleView} shared={summary ? summary.ownerCommunityId == null : shared}
              communities={me?.communities ?? []} problems={scheduleProblems(problems)} readOnly={readOnly}
              onChange={(s) => edit((d) => setSchedule(d, s), 'schedule')} /></>} />
          <section className="versions" aria-labelledby="versions-title">
            <h2 id="versions-title">{t('versions')}</h2>
            <ul className="plain" data-testid="versions">
              {(versions.data ?? []).slice().reverse().map((v) => (
                <li key={v.version} data-version={v.version} data-published={v.isPublished}>
                  <Link to={`/designer/${encodeURIComponent(v.definitionId)}?version=${v.version}`}>{t('version', { n: v.version })}</Link>
                  {' · '}{v.isPublished ? t('published') : t('draft')}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
