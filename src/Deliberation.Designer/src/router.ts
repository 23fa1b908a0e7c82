import { useSyncExternalStore } from 'react';

// A small history router: the app has a handful of routes and needs no library for them.

type Guard = () => boolean;
let guard: Guard | null = null;
const changed = 'deliberation:navigate';
const location = () => window.location.pathname + window.location.search;
let current = location();

/** A page with unsaved work registers a guard; navigation (links and the browser's Back) asks it first. */
export function setNavigationGuard(next: Guard | null): void { guard = next; }

window.addEventListener('popstate', () => {
  const next = location();
  if (next === current) return;
  if (guard && !guard()) {
    // Stay: put the page the user is leaving back on top of the history.
    window.history.pushState(null, '', current);
    return;
  }
  current = next;
  window.dispatchEvent(new Event(changed));
});

function subscribe(callback: () => void): () => void {
  window.addEventListener(changed, callback);
  return () => window.removeEventListener(changed, callback);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, location);
}

export function navigate(to: string, replace = false): void {
  if (guard && !guard()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  current = location();
  window.dispatchEvent(new Event(changed));
}

/** Matches "/designer/:id" against a path; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const [pathname] = path.split('?');
  const a = pattern.split('/').filter(Boolean);
  const b = (pathname ?? '').split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const v = b[i]!;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v);
    else if (p !== v) return null;
  }
  return params;
}

export function queryParam(path: string, name: string): string | null {
  const q = path.split('?')[1];
  return q ? new URLSearchParams(q).get(name) : null;
}
