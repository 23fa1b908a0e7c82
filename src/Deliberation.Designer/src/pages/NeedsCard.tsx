import { request } from '../api/client';
import type { Need } from '../api/types';
import { beijingTime } from '../beijingTime';
import { Link } from '../components/Link';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { needsGlance } from '../needsGlance';

/** How many of each list the dashboard shows; the rest are on the 需求清单 page. */
const shown = 5;

/**
 * 需求清单 on the dashboard: what is outstanding (急需解决 / 长期解决), what is overdue and who claimed what, with links
 * to the whole list and to its overdue needs.
 */
export function NeedsCard({ communityId }: { communityId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => request<Need[]>(`/api/communities/${communityId}/needs`), [communityId]);
  const due = (n: Need) => (n.dueAt ? beijingTime(n.dueAt, lang, 'short') : t('needNoDue'));
  const kind = (n: Need) => (n.kind === 'long-term' ? t('needKindLongTerm') : t('needKindUrgent'));
  const g = loaded.data ? needsGlance(loaded.data) : null;
  return (
    <section className="card month-overview" aria-labelledby="needs-glance-title" data-testid="needs-glance">
      <h2 id="needs-glance-title">{t('adminNeeds')}</h2>
      {loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message> : null}
      {!g ? (loaded.error ? null : <p className="muted">{t('loading')}</p>) : (
        <>
          <div className="figures">
            <p><strong data-testid="needs-outstanding">{g.outstanding}</strong><span>{t('needsOutstanding')}</span></p>
            <p><strong>{g.urgent}</strong><span>{t('needKindUrgent')}</span></p>
            <p><strong>{g.longTerm}</strong><span>{t('needKindLongTerm')}</span></p>
            <p><strong>{g.waitingForClaim}</strong><span>{t('needsWaitingForClaim')}</span></p>
            <p className={g.overdue.length > 0 ? 'alert' : ''}><strong data-testid="needs-overdue">{g.overdue.length}</strong><span>{t('needOverdue')}</span></p>
            <p><strong>{g.awaitingConfirmation}</strong><span>{t('needsAwaitingConfirmation')}</span></p>
          </div>
          <div className="grid-2">
            <section aria-labelledby="needs-overdue-title">
              <h3 id="needs-overdue-title">{t('needsOverdueTitle')}</h3>
              {g.overdue.length === 0 ? <p className="muted">{t('none')}</p> : (
                <ul className="plain" data-testid="needs-overdue-list">
                  {g.overdue.slice(0, shown).map((n) => (
                    <li key={n.id} className="mini-card incident">
                      <strong>{n.title}</strong> <span className="badge">{kind(n)}</span>
                      <span className="muted"> · {n.claimant ? t('needsClaimedBy', { name: n.claimant.name }) : t('needsUnclaimed')} · {t('needsDue', { at: due(n) })}</span>
                    </li>
                  ))}
                </ul>
              )}
              {g.overdue.length > 0 ? <p><Link to="/admin/needs?overdue=true">{t('needsAllOverdue', { n: g.overdue.length })}</Link></p> : null}
            </section>
            <section aria-labelledby="needs-claimed-title">
              <h3 id="needs-claimed-title">{t('needsClaimedTitle')}</h3>
              {g.claimed.length === 0 ? <p className="muted">{t('none')}</p> : (
                <ul className="plain" data-testid="needs-claimed-list">
                  {g.claimed.slice(0, shown).map((n) => (
                    <li key={n.id} className={`mini-card${n.overdue ? ' incident' : ''}`}>
                      <strong>{n.claimant?.name ?? ''}</strong>{t('colon')}{n.title}
                      <span className="muted"> · {n.percent}% · {t('needsDue', { at: due(n) })}</span>
                    </li>
                  ))}
                </ul>
              )}
              {g.claimed.length > shown ? <p className="muted">{t('needsMore', { n: g.claimed.length - shown })}</p> : null}
            </section>
          </div>
          <p><Link to="/admin/needs">{t('needsFullList')}</Link></p>
        </>
      )}
    </section>
  );
}
