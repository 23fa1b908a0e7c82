import type { Problem } from './types';

/** A refused request: the status and the server's ProblemDetails (titled in the request's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let language = 'zh-CN';
let antiforgeryToken: string | null = null;
const listeners = new Set<() => void>();

/** The language sent as Accept-Language, so that the server's messages match the page. */
export function setApiLanguage(lang: string): void { language = lang; }

/** Called when the session is gone (401), so the app can show the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fetches a fresh anti-forgery request token (after signing in the token belongs to the account). */
export async function refreshAntiforgery(): Promise<void> {
  const response = await fetch('/api/antiforgery', { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  if (response.ok) antiforgeryToken = ((await response.json()) as { token: string }).token;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Do not treat 401 as "signed out" (the sign-in request itself). */
  quiet401?: boolean;
}

/** The answer with its headers, for callers that need the ETag. */
export interface ApiResponse<T> { data: T; headers: Headers }

export async function requestFull<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { 'Accept-Language': language, Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    if (antiforgeryToken === null) await refreshAntiforgery();
    if (antiforgeryToken !== null) headers['X-XSRF-TOKEN'] = antiforgeryToken;
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (!response.ok) {
    let problem: Problem = {};
    try { problem = (await response.json()) as Problem; } catch { /* no body */ }
    if (response.status === 401 && !options.quiet401) listeners.forEach((l) => l());
    throw new ApiError(response.status, problem);
  }
  const text = await response.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestFull<T>(path, options)).data;
}

/** Forgets the token (signing out). */
export function forgetAntiforgery(): void { antiforgeryToken = null; }

/**
 * A read from an API that may not exist on this host yet (meetings, action items, escalations come from
 * other work): null when the route itself is missing (a 404 without a problem code), the data otherwise.
 */
export async function requestOptional<T>(path: string): Promise<T | null> {
  try {
    return await request<T>(path);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && !err.problem.code) return null;
    throw err;
  }
}

/** A text file of the API (the minutes' Markdown), refused answers as for request. */
export async function requestText(path: string): Promise<string> {
  const response = await fetch(path, { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  if (!response.ok) {
    let problem: Problem = {};
    try { problem = (await response.json()) as Problem; } catch { /* no body */ }
    if (response.status === 401) listeners.forEach((l) => l());
    throw new ApiError(response.status, problem);
  }
  return response.text();
}
