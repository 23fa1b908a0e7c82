import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api/client';

export interface Loaded<T> {
  data: T | undefined; error: unknown; loading: boolean; reload: () => void;
  /** Shows a newer answer that came another way (a server-sent event) without asking again. */
  replace: (value: T) => void;
}

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
  return { data, error, loading, reload: () => setTick((t) => t + 1), replace: (value: T) => { setData(value); setError(undefined); } };
}

/** The message to show for a failed request: the server's title (already in the page's language). */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.problem.title ?? `${fallback} (HTTP ${error.status})`;
  return fallback;
}

/**
 * A refused request's field problems (ProblemDetails errors, by the server's field names) keyed by the form's control
 * ids: <c>ids</c> maps a field to its control; a field the form has no control for goes to <c>fallback</c>.
 */
export function fieldErrorsOf(error: unknown, ids: Record<string, string>, fallback: string): Record<string, string> {
  const refused = error instanceof ApiError ? error.problem.errors ?? {} : {};
  const out: Record<string, string> = {};
  for (const [field, texts] of Object.entries(refused)) {
    const id = ids[field] ?? fallback;
    out[id] = [out[id], ...texts].filter(Boolean).join(' ');
  }
  return out;
}
