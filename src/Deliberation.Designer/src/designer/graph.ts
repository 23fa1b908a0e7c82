import dagre from '@dagrejs/dagre';
import type { ActivityDescriptor, ActivityNodeDef, ConnectionDef, Expression, WorkflowDefinition } from '../api/types';

export interface Point { x: number; y: number }

export const nodeWidth = 200;
export const nodeHeight = 64;

export function positionOf(activity: ActivityNodeDef): Point | undefined {
  return activity.metadata?.designer?.position;
}

/** The outcome ports of an activity: fixed ones plus those listed in its dynamic-outcomes input (Switch cases, Fork branches). */
export function outcomesOf(activity: ActivityNodeDef, descriptor: ActivityDescriptor | undefined): string[] {
  if (!descriptor) return [];
  const ports = [...descriptor.outcomes];
  const name = descriptor.dynamicOutcomesInput;
  const value = name ? activity.inputs?.[name] : undefined;
  if (value && value.type === 'literal' && Array.isArray(value.value)) {
    for (const item of value.value as unknown[]) {
      const port = typeof item === 'string' ? item : (item as { port?: unknown } | null)?.port;
      if (typeof port === 'string' && port && !ports.includes(port)) ports.unshift(port);
    }
  }
  return ports;
}

/** A fresh id for a new activity of a type: the type in lower camel case and the first free number. */
export function newActivityId(doc: WorkflowDefinition, type: string): string {
  const base = type.charAt(0).toLowerCase() + type.slice(1);
  const taken = new Set(doc.activities.map((a) => a.id));
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

export function withPosition(activity: ActivityNodeDef, position: Point): ActivityNodeDef {
  const metadata = activity.metadata ?? {};
  return { ...activity, metadata: { ...metadata, designer: { ...(metadata.designer ?? {}), position: { x: Math.round(position.x), y: Math.round(position.y) } } } };
}

export function addActivity(doc: WorkflowDefinition, descriptor: ActivityDescriptor, position: Point, label?: string): { doc: WorkflowDefinition; id: string } {
  const id = newActivityId(doc, descriptor.type);
  const activity = withPosition({ id, type: descriptor.type, version: descriptor.version, ...(label ? { label } : {}), inputs: {} }, position);
  return { doc: { ...doc, activities: [...doc.activities, activity] }, id };
}

export function removeElements(doc: WorkflowDefinition, activityIds: string[], connectionKeys: string[]): WorkflowDefinition {
  const gone = new Set(activityIds);
  const cut = new Set(connectionKeys);
  return {
    ...doc,
    activities: doc.activities.filter((a) => !gone.has(a.id)),
    connections: doc.connections.filter((c) => !gone.has(c.source) && !gone.has(c.target) && !cut.has(edgeId(c))),
  };
}

export function connect(doc: WorkflowDefinition, source: string, sourcePort: string, target: string): WorkflowDefinition {
  if (doc.connections.some((c) => c.source === source && c.sourcePort === sourcePort && c.target === target)) return doc;
  return { ...doc, connections: [...doc.connections, { source, sourcePort, target, targetPort: 'In' }] };
}

export function moveActivities(doc: WorkflowDefinition, positions: Map<string, Point>): WorkflowDefinition {
  if (positions.size === 0) return doc;
  return { ...doc, activities: doc.activities.map((a) => { const p = positions.get(a.id); return p ? withPosition(a, p) : a; }) };
}

export function setInput(doc: WorkflowDefinition, activityId: string, name: string, expression: Expression | undefined): WorkflowDefinition {
  return {
    ...doc,
    activities: doc.activities.map((a) => {
      if (a.id !== activityId) return a;
      const inputs = { ...(a.inputs ?? {}) };
      if (expression === undefined) delete inputs[name];
      else inputs[name] = expression;
      return { ...a, inputs };
    }),
  };
}

export function setLabel(doc: WorkflowDefinition, activityId: string, label: string): WorkflowDefinition {
  return { ...doc, activities: doc.activities.map((a) => (a.id === activityId ? { ...a, label: label || null } : a)) };
}

export function edgeId(c: ConnectionDef): string {
  return `${c.source}:${c.sourcePort}->${c.target}`;
}

/** Lays the diagram out top to bottom with dagre; returns every activity's new position. */
export function autoLayout(doc: WorkflowDefinition): WorkflowDefinition {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const a of doc.activities) g.setNode(a.id, { width: nodeWidth, height: nodeHeight });
  for (const c of doc.connections) if (g.hasNode(c.source) && g.hasNode(c.target)) g.setEdge(c.source, c.target);
  dagre.layout(g);
  const positions = new Map<string, Point>();
  for (const a of doc.activities) {
    const n = g.node(a.id) as { x: number; y: number } | undefined;
    if (n) positions.set(a.id, { x: n.x - nodeWidth / 2, y: n.y - nodeHeight / 2 });
  }
  return moveActivities(doc, positions);
}

/** Whether every activity has a stored position (otherwise the designer lays the diagram out on opening). */
export function hasLayout(doc: WorkflowDefinition): boolean {
  return doc.activities.every((a) => positionOf(a) !== undefined);
}

/** The definition as saved: stable key order, nothing the designer adds for itself. */
export function serialize(doc: WorkflowDefinition): string {
  return JSON.stringify(doc, null, 2);
}

/** Reads an imported file; throws when it is not a definition. */
export function parseDefinition(text: string): WorkflowDefinition {
  const value = JSON.parse(text) as Partial<WorkflowDefinition>;
  if (typeof value !== 'object' || value === null || typeof value.id !== 'string' || !Array.isArray(value.activities))
    throw new Error('not a workflow definition');
  return { ...value, id: value.id, activities: value.activities, connections: Array.isArray(value.connections) ? value.connections : [] };
}
