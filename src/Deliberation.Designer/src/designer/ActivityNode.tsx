import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

export interface ActivityNodeData extends Record<string, unknown> {
  label: string;
  typeName: string;
  outcomes: string[];
  hasError: boolean;
  waits: boolean;
  /** Instance viewer: taken, waiting, incident. */
  state?: 'taken' | 'waiting' | 'incident';
}

export type ActivityFlowNode = Node<ActivityNodeData, 'activity'>;

/** One activity on the canvas: its label and type, the In port on top and one port per outcome below. */
function ActivityNodeView({ data, selected, id }: NodeProps<ActivityFlowNode>) {
  const classes = ['activity-node'];
  if (selected) classes.push('selected');
  if (data.hasError) classes.push('has-error');
  if (data.waits) classes.push('waits');
  if (data.state) classes.push(`state-${data.state}`);
  return (
    <div className={classes.join(' ')} data-activity-id={id} data-state={data.state ?? ''}>
      {data.typeName !== 'Start' ? <Handle type="target" position={Position.Top} id="In" /> : null}
      <div className="activity-label">{data.label}</div>
      <div className="activity-type">{data.typeName}</div>
      <div className="ports">
        {data.outcomes.map((port, i) => (
          <Handle key={port} type="source" position={Position.Bottom} id={port} title={port}
            style={{ left: `${((i + 1) * 100) / (data.outcomes.length + 1)}%` }} />
        ))}
      </div>
      {data.outcomes.length > 1 ? (
        <div className="port-names" aria-hidden="true">
          {data.outcomes.map((port) => <span key={port}>{port}</span>)}
        </div>
      ) : null}
    </div>
  );
}

export const ActivityNode = memo(ActivityNodeView);
export const nodeTypes = { activity: ActivityNode };
