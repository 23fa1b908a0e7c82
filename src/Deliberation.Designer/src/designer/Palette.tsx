import { useMemo, useState, type DragEvent } from 'react';
import type { ActivityDescriptor, StaffSignal } from '../api/types';
import { useI18n } from '../i18n/I18n';

export const dragType = 'application/x-deliberation-activity';

/** The activity types by category, searchable by name (either language) or type; drag one onto the canvas or press its button. */
export function Palette({ descriptors, signals = [], onAdd }: { descriptors: ActivityDescriptor[]; signals?: StaffSignal[]; onAdd: (d: ActivityDescriptor) => void }) {
  const { t, pick, lang } = useI18n();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const map = new Map<string, ActivityDescriptor[]>();
    for (const d of descriptors) {
      const haystack = `${d.type} ${d.displayName['zh-CN'] ?? ''} ${d.displayName.en ?? ''}`.toLowerCase();
      if (q && !haystack.includes(q)) continue;
      const category = pick(d.category);
      map.set(category, [...(map.get(category) ?? []), d]);
    }
    return [...map].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'));
  }, [descriptors, query, pick]);

  const onDragStart = (e: DragEvent, d: ActivityDescriptor) => {
    e.dataTransfer.setData(dragType, d.type);
    e.dataTransfer.effectAllowed = 'move';
  };

  return (
    <aside className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">{t('palette')}</h2>
      <label htmlFor="palette-search" className="sr-only">{t('searchActivities')}</label>
      <input id="palette-search" type="search" placeholder={t('searchActivities')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {groups.map(([category, items]) => (
        <section key={category} aria-label={category}>
          <h3>{category}</h3>
          <ul className="plain">
            {items.map((d) => (
              <li key={d.type}>
                <button type="button" className="palette-item" draggable onDragStart={(e) => onDragStart(e, d)} onClick={() => onAdd(d)}
                  data-type={d.type} title={`${t('addToCanvas')}: ${pick(d.description) || d.type}`}>
                  {pick(d.displayName)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {signals.length > 0 ? (
        <details className="signals-help" data-testid="signals-help">
          <summary>{t('signalsTitle')}</summary>
          <p className="help">{t('signalsHelp')}</p>
          <dl>
            {signals.map((s) => (
              <div key={s.name} data-signal={s.name}>
                <dt><code>{s.name}</code>{s.isPrefix ? ` ${t('signalPrefixNote')}` : ''} {pick(s.displayName)}</dt>
                <dd>{t('signalSentWhen')}{t('colon')}{pick(s.sentWhen)}</dd>
                <dd>{t('signalPayload')}{t('colon')}{s.payload.map((f) => `${f.name}${t('inParentheses', { text: pick(f.description) })}`).join(lang === 'zh-CN' ? '、' : ', ')}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </aside>
  );
}
