import { useI18n } from '../i18n/I18n';
import { chartSeries, formatPercent, monthLabel, rateFigures, rateKinds, responseTime, type MonthRates, type RateKey } from '../rates';

/** The plot's size in SVG units, and the room for the axis labels around it. */
const plot = { width: 560, height: 180, left: 44, top: 12, right: 16, bottom: 28 };

/** Each rate's line, told apart by colour, dash and marker (never by colour alone). */
const looks: Record<RateKey, { className: string; dash?: string; marker: 'circle' | 'square' | 'diamond' }> = {
  response: { className: 'rate-response', marker: 'circle' },
  resolution: { className: 'rate-resolution', dash: '6 3', marker: 'square' },
  satisfaction: { className: 'rate-satisfaction', dash: '2 3', marker: 'diamond' },
};

function Marker({ kind, x, y }: { kind: 'circle' | 'square' | 'diamond'; x: number; y: number }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4} />;
  if (kind === 'square') return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />;
  return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} />;
}

/**
 * 响应率、办结率、满意率 over the months: one line per rate on a 0–100% scale, broken where a month has no rate. Each point
 * names its month and figures on hover; the table under it holds every figure, for keyboards and screen readers too.
 */
export function RatesChart({ months }: { months: MonthRates[] }) {
  const { t, lang } = useI18n();
  const total = { width: plot.left + plot.width + plot.right, height: plot.top + plot.height + plot.bottom };
  const series = rateKinds.map(({ key }) => chartSeries(months, key, plot.width, plot.height));
  const pointText = (key: RateKey, m: MonthRates) => {
    const kind = rateKinds.find((k) => k.key === key)!;
    const figures = rateFigures(m[key]);
    return `${t(kind.name)} · ${monthLabel(m.month, lang)}${t('colon')}${figures ? t(kind.counted, figures) : t('rateNone')}`;
  };
  return (
    <figure className="rates-chart" data-testid="rates-chart">
      <svg viewBox={`0 0 ${total.width} ${total.height}`} role="img" aria-labelledby="rates-chart-title">
        <title id="rates-chart-title">{t('ratesChartTitle', { from: monthLabel(months[0]?.month ?? '', lang), to: monthLabel(months[months.length - 1]?.month ?? '', lang) })}</title>
        <g transform={`translate(${plot.left} ${plot.top})`}>
          {[0, 25, 50, 75, 100].map((p) => {
            const y = plot.height - (plot.height * p) / 100;
            return (
              <g key={p} className="rates-grid">
                <line x1={0} x2={plot.width} y1={y} y2={y} />
                <text x={-6} y={y} dy="0.32em" textAnchor="end">{p}%</text>
              </g>
            );
          })}
          {months.map((m, i) => (
            <text key={m.month} className="rates-axis" x={series[0]!.points[i]!.x} y={plot.height + 18} textAnchor="middle">
              {monthLabel(m.month, lang, true)}
            </text>
          ))}
          {series.map(({ key, runs, points }) => {
            const look = looks[key];
            return (
              <g key={key} className={`rates-series ${look.className}`} data-testid={`rates-series-${key}`}>
                {runs.filter((run) => run.length > 1).map((run, i) => (
                  <polyline key={i} points={run.map((p) => `${p.x},${p.y}`).join(' ')} strokeDasharray={look.dash} />
                ))}
                {points.map((p, i) => p.y === null ? null : (
                  <g key={p.month} className="rates-point">
                    <title>{pointText(key, months[i]!)}</title>
                    <Marker kind={look.marker} x={p.x} y={p.y} />
                  </g>
                ))}
              </g>
            );
          })}
        </g>
      </svg>
      <ul className="legend">
        {rateKinds.map(({ key, name }) => (
          <li key={key}>
            <svg className={`rates-swatch ${looks[key].className}`} width="28" height="12" aria-hidden="true">
              <line x1={2} x2={26} y1={6} y2={6} strokeDasharray={looks[key].dash} />
              <Marker kind={looks[key].marker} x={14} y={6} />
            </svg>
            {t(name)}
          </li>
        ))}
      </ul>
      <details className="rates-table">
        <summary>{t('ratesTable')}</summary>
        <div className="table-scroll">
          <table className="table" data-testid="rates-table">
            <thead>
              <tr>
                <th scope="col">{t('rateMonth')}</th>
                {rateKinds.map((k) => <th key={k.key} scope="col">{t(k.name)}</th>)}
                <th scope="col">{t('rateAverageResponse')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month} data-testid={`rates-${m.month}`}>
                  <th scope="row">{monthLabel(m.month, lang)}</th>
                  {rateKinds.map((k) => {
                    const figures = rateFigures(m[k.key]);
                    return <td key={k.key}>{figures ? <><strong>{formatPercent(m[k.key].percent!)}</strong> <span className="muted">{t('rateOf', figures)}</span></> : <span className="muted">{t('rateNone')}</span>}</td>;
                  })}
                  <td>{m.averageResponseMinutes === null ? <span className="muted">{t('rateNone')}</span> : (() => {
                    const time = responseTime(m.averageResponseMinutes);
                    return <>{t(time.key, time.vars)} <span className="muted">{t('rateHandled', { n: m.handled })}</span></>;
                  })()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
