import { requestOptional } from '../api/client';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';
import { stepNumbers } from '../steps';

interface MonthOverview {
  month: string; casesOpened: number; casesClosed: number; openNow: number; itemsDone: number; itemsOverdue: number;
  followUp: { satisfied: number; fairlySatisfied: number; dissatisfied: number; noAnswer: number };
}

const satisfaction: { key: keyof MonthOverview['followUp']; label: StringKey; className: string }[] = [
  { key: 'satisfied', label: 'satisfied', className: 'bar-good' },
  { key: 'fairlySatisfied', label: 'fairlySatisfied', className: 'bar-fair' },
  { key: 'dissatisfied', label: 'dissatisfied', className: 'bar-bad' },
  { key: 'noAnswer', label: 'noAnswer', className: 'bar-none' },
];

/**
 * 本月概况: the month at a glance, where people would rather look than read — the open cases by step as bars, the
 * month's cases opened and closed, action items done and overdue, and the follow-up's satisfaction as one stacked bar.
 */
export function MonthOverviewCard({ communityId, byStep }: { communityId: string; byStep: number[] | null }) {
  const { t } = useI18n();
  const loaded = useLoad(() => requestOptional<MonthOverview>(`/api/communities/${communityId}/overview`), [communityId]);
  const o = loaded.data;
  if (!o) return null;
  const most = Math.max(1, ...(byStep ?? [0]));
  const asked = satisfaction.reduce((n, s) => n + o.followUp[s.key], 0);
  return (
    <section className="card month-overview" aria-labelledby="overview-title" data-testid="month-overview">
      <h2 id="overview-title">{t('monthOverview', { month: o.month })}</h2>
      <div className="figures">
        <p><strong data-testid="figure-opened">{o.casesOpened}</strong><span>{t('figureOpened')}</span></p>
        <p><strong data-testid="figure-closed">{o.casesClosed}</strong><span>{t('figureClosed')}</span></p>
        <p><strong>{o.openNow}</strong><span>{t('figureOpen')}</span></p>
        <p><strong>{o.itemsDone}</strong><span>{t('figureItemsDone')}</span></p>
        <p className={o.itemsOverdue > 0 ? 'alert' : ''}><strong data-testid="figure-overdue">{o.itemsOverdue}</strong><span>{t('figureOverdue')}</span></p>
      </div>
      <div className="grid-2">
        {byStep ? (
          <figure>
            <figcaption>{t('openByStep')}</figcaption>
            <ul className="bars" role="list">
              {stepNumbers.map((n, i) => (
                <li key={n}>
                  <span className="bar-label">{t(`step${n}` as StringKey)}</span>
                  <span className="bar-track"><span className="bar-fill" style={{ width: `${(100 * (byStep[i] ?? 0)) / most}%` }} /></span>
                  <span className="bar-value">{byStep[i] ?? 0}</span>
                </li>
              ))}
            </ul>
          </figure>
        ) : null}
        <figure>
          <figcaption>{t('followUpThisMonth', { n: asked })}</figcaption>
          {asked === 0 ? <p className="muted">{t('none')}</p> : (
            <>
              <div className="stacked" role="img" aria-label={satisfaction.map((s) => `${t(s.label)} ${o.followUp[s.key]}`).join('，')}>
                {satisfaction.map((s) => o.followUp[s.key] > 0
                  ? <span key={s.key} className={s.className} style={{ width: `${(100 * o.followUp[s.key]) / asked}%` }} /> : null)}
              </div>
              <ul className="legend">
                {satisfaction.map((s) => <li key={s.key}><span className={`swatch ${s.className}`} />{t(s.label)} {o.followUp[s.key]}</li>)}
              </ul>
            </>
          )}
        </figure>
      </div>
    </section>
  );
}
