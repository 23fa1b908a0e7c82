import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api/client';

export interface Loaded<T> { data: T | undefined; error: unknown; loading: boolean; reload: () => void }

/** Runs an async load when its dependencies change; the last answer wins. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (value) => { if (live) { setData(value); setError(undefined); setLoading(false); } },
      (err: unknown) => { if (live) { setError(err); setLoading(false); } },
    );
    return () => { live = false; };
  }, [run, tick]);
  return { data, error, loading, reload: () => setTick((t) => t + 1) };
}

/** The message to show for a failed request: the server's title (already in the page's language). */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.problem.title ?? `${fallback} (HTTP ${error.status})`;
  return fallback;
}
