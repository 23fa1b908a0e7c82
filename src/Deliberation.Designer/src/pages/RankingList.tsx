import type { RankingEntry } from '../api/types';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';

const partKeys: Record<string, StringKey> = { reporters: 'partReporters', urgency: 'partUrgency', severity: 'partSeverity', share: 'partShare' };

/** The ranked open complaints, each with the parts of its score ("why"). */
export function RankingList({ items }: { items: RankingEntry[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('noIssues')}</p>;
  return (
    <ol className="ranking" data-testid="ranking">
      {items.map((item) => (
        <li key={item.complaintId} className="mini-card" data-complaint={item.complaintId}>
          <div className="ranking-head">
            <span className="rank" aria-label={t('rank')}>#{item.rank}</span>
            <span className="ranking-title">{item.title}</span>
            <span className="score">{t('score')} {item.score.toFixed(1)}</span>
          </div>
          <details>
            <summary>{t('why')}</summary>
            <ul className="parts">
              {item.parts.map((p) => (
                <li key={p.name}>
                  <span>{t(partKeys[p.name] ?? 'partReporters')}</span>
                  <span className="bar" aria-hidden="true"><span style={{ width: `${Math.round(p.normalized * 100)}%` }} /></span>
                  <span>{t('points', { n: p.contribution.toFixed(1) })}</span>
                </li>
              ))}
              <li className="muted">{t('households', { a: item.affectedHouseholds, b: item.communityHouseholds })}</li>
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
