import type { ReactNode } from 'react';
import { Message } from './Message';
import { errorText, type Loaded } from '../hooks';
import { useI18n } from '../i18n/I18n';

/**
 * A section fed by an API that may not exist on this host: "not available yet" when the route is missing,
 * the empty text when it answers nothing, the items otherwise.
 */
export function OptionalList<T>({ loaded, empty, render }: { loaded: Loaded<T[] | null>; empty: string; render: (item: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.error) return <Message kind="error">{errorText(loaded.error, t('requestFailed'))}</Message>;
  if (loaded.loading && loaded.data === undefined) return <p className="muted">{t('loading')}</p>;
  if (loaded.data === null) return <p className="muted">{t('notYetAvailable')}</p>;
  if (!loaded.data || loaded.data.length === 0) return <p className="muted">{empty}</p>;
  return <ul className="plain">{loaded.data.map(render)}</ul>;
}
