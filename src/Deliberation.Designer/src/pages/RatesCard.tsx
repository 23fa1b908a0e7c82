import { requestOptional } from '../api/client';
import { Message } from '../components/Message';
import { errorText, useLoad } from '../hooks';
import { useI18n } from '../i18n/I18n';
import { rateKinds, type MonthRates } from '../rates';
import { RatesChart } from './RatesChart';

/**
 * 响应率、办结率、满意率: the three rates a committee is judged on, month by month over the last year (Beijing time), as a
 * chart with a table of every figure, and what each rate counts.
 */
export function RatesCard({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => requestOptional<MonthRates[]>(`/api/communities/${communityId}/rates`), [communityId]);
  if (loaded.data === null) return null;
  return (
    <section className="card" aria-labelledby="rates-title" data-testid="rates">
      <h2 id="rates-title">{t('ratesTitle')}</h2>
      {loaded.error ? <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message>
        : !loaded.data ? <p className="muted">{t('loading')}</p>
        : <RatesChart months={loaded.data} />}
      <details className="help">
        <summary>{t('ratesHelpTitle')}</summary>
        <dl>
          {rateKinds.map((k) => (
            <div key={k.key}><dt>{t(k.name)}</dt><dd>{t(k.help)}</dd></div>
          ))}
        </dl>
        <p>{t('ratesHelpNone')}</p>
      </details>
    </section>
  );
}
