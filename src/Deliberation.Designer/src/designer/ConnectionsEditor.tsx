import { useState } from 'react';
import type { ActivityDescriptor, ActivityNodeDef, WorkflowDefinition } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { outcomesOf } from './graph';

/** The activity's outgoing connections, editable without a mouse: pick a port and a target, or remove one. */
export function ConnectionsEditor({ doc, activity, descriptor, onConnect, onDisconnect }: {
  doc: WorkflowDefinition; activity: ActivityNodeDef; descriptor: ActivityDescriptor | undefined;
  onConnect: (port: string, target: string) => void; onDisconnect: (port: string, target: string) => void;
}) {
  const { t } = useI18n();
  const ports = outcomesOf(activity, descriptor);
  const targets = doc.activities.filter((a) => a.id !== activity.id && a.type !== 'Start');
  const [port, setPort] = useState('');
  const [target, setTarget] = useState('');
  if (ports.length === 0) return null;
  const outgoing = doc.connections.filter((c) => c.source === activity.id);
  const name = (id: string) => { const a = doc.activities.find((x) => x.id === id); return a?.label ? `${a.label} (${id})` : id; };
  return (
    <section className="connections" aria-labelledby="connections-title">
      <h3 id="connections-title">{t('connections')}</h3>
      <ul className="plain">
        {outgoing.map((c) => (
          <li key={`${c.sourcePort}->${c.target}`} className="connection">
            <span>{c.sourcePort} → {name(c.target)}</span>
            <button type="button" className="link-button" onClick={() => onDisconnect(c.sourcePort, c.target)}
              aria-label={`${t('removeConnection')}: ${c.sourcePort} → ${name(c.target)}`}>{t('removeConnection')}</button>
          </li>
        ))}
      </ul>
      <label htmlFor="connect-port">{t('port')}</label>
      <select id="connect-port" value={port} onChange={(e) => setPort(e.target.value)}>
        <option value="">—</option>
        {ports.map((p) => <option key={p} value={p}>{p}</option>)}
      </select>
      <label htmlFor="connect-target">{t('connectTo')}</label>
      <select id="connect-target" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">—</option>
        {targets.map((a) => <option key={a.id} value={a.id}>{name(a.id)}</option>)}
      </select>
      <button type="button" disabled={!port || !target} onClick={() => { onConnect(port, target); setTarget(''); }}>{t('addConnection')}</button>
    </section>
  );
}
