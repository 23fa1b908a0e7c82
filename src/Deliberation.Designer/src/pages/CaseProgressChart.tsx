import type { StepSpan } from '../steps';
import { stepNumbers } from '../steps';
import { beijingTime } from '../beijingTime';
import { useI18n } from '../i18n/I18n';
import type { StringKey } from '../i18n/zh-CN';

/** How long a stretch lasted, as people say it: under an hour, hours under a day, days after. */
export function lasted(ms: number): { key: StringKey; n: number } {
  const hours = ms / 3_600_000;
  if (hours < 1) return { key: 'lastedUnderHour', n: 1 };
  if (hours < 24) return { key: 'lastedHours', n: Math.round(hours) };
  return { key: 'lastedDays', n: Math.round(hours / 24) };
}

/**
 * 进度图: the case's five steps over time — one row per step, a bar for each stretch the case spent in it, with how
 * long in words beside it, between the launch and now (or the end). The words carry the figures; the bars show them.
 */
export function CaseProgressChart({ spans, now = new Date() }: { spans: StepSpan[]; now?: Date }) {
  const { t, lang } = useI18n();
  if (spans.length === 0) return null;
  const start = new Date(spans[0]!.from).getTime();
  const end = Math.max(start + 60_000, ...spans.map((s) => (s.to ? new Date(s.to) : now).getTime()));
  const width = end - start;
  const pct = (at: number) => `${(100 * (at - start)) / width}%`;
  const ongoing = spans[spans.length - 1]!.to === null;
  return (
    <figure className="progress-chart" data-testid="progress-chart">
      <figcaption className="muted">{t('progressChartCaption')}</figcaption>
      <ul className="plain">
        {stepNumbers.map((n) => {
          const own = spans.filter((s) => s.step === n);
          const total = own.reduce((sum, s) => sum + (s.to ? new Date(s.to) : now).getTime() - new Date(s.from).getTime(), 0);
          const how = lasted(total);
          return (
            <li key={n} className="progress-row" data-testid={`progress-step-${n}`}>
              <span className="progress-label">{n}. {t(`step${n}` as StringKey)}</span>
              <span className="progress-track" aria-hidden="true">
                {own.map((s, i) => {
                  const from = new Date(s.from).getTime();
                  const to = (s.to ? new Date(s.to) : now).getTime();
                  return <span key={i} className={`progress-bar step-${n}${s.to ? '' : ' ongoing'}`} style={{ left: pct(from), width: `max(3px, ${(100 * (to - from)) / width}%)` }} />;
                })}
              </span>
              <span className="progress-figure">
                {own.length === 0 ? '—' : (
                  <>
                    {t(how.key, { n: how.n })}
                    {own.length > 1 ? t('progressRounds', { n: own.length }) : ''}
                    {own.some((s) => s.to === null) ? t('progressOngoing') : ''}
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="progress-axis muted">
        <span>{beijingTime(spans[0]!.from, lang, 'date')}</span>
        <span>{ongoing ? t('progressNow') : beijingTime(new Date(end).toISOString(), lang, 'date')}</span>
      </p>
    </figure>
  );
}
