import type { Edge } from '@xyflow/react';
import type { ActivityDescriptor, WorkflowDefinition } from '../api/types';
import type { ActivityFlowNode } from './ActivityNode';
import { edgeId, outcomesOf, positionOf } from './graph';

/** React Flow nodes of a definition. */
export function toNodes(doc: WorkflowDefinition, descriptors: Map<string, ActivityDescriptor>, pick: (d: ActivityDescriptor) => string,
  errorIds: Set<string>, selected: Set<string>, states?: Map<string, 'taken' | 'waiting' | 'incident'>): ActivityFlowNode[] {
  return doc.activities.map((a, i) => {
    const descriptor = descriptors.get(a.type);
    return {
      id: a.id,
      type: 'activity',
      position: positionOf(a) ?? { x: 0, y: i * 100 },
      selected: selected.has(a.id),
      data: {
        label: a.label || (descriptor ? pick(descriptor) : a.type),
        typeName: a.type,
        outcomes: outcomesOf(a, descriptor),
        hasError: errorIds.has(a.id),
        waits: descriptor?.waits ?? false,
        ...(states?.get(a.id) ? { state: states.get(a.id) } : {}),
      },
    };
  });
}

/** React Flow edges of a definition, labelled with their port when the source has several. */
export function toEdges(doc: WorkflowDefinition, descriptors: Map<string, ActivityDescriptor>, taken?: Set<string>): Edge[] {
  const portCount = new Map(doc.activities.map((a) => [a.id, outcomesOf(a, descriptors.get(a.type)).length]));
  return doc.connections.map((c) => {
    const id = edgeId(c);
    const isTaken = taken?.has(id) ?? false;
    return {
      id,
      source: c.source,
      sourceHandle: c.sourcePort,
      target: c.target,
      targetHandle: 'In',
      ...((portCount.get(c.source) ?? 0) > 1 ? { label: c.sourcePort } : {}),
      ...(isTaken ? { className: 'taken', animated: false } : {}),
    };
  });
}

/** An activity's colour in the minimap: its state in the instance viewer, else the node's border colour, dark enough to see when small. */
export function minimapColor(node: ActivityFlowNode): string {
  switch (node.data.state) {
    case 'incident': return '#b3261e';
    case 'waiting': return '#0b57b0';
    case 'taken': return '#1e6b34';
    default: return node.data.hasError ? '#b3261e' : '#5b6b82';
  }
}
