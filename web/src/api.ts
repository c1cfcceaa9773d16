// Calls to the Pamong API. Errors carry the API's own message, already in the
// language chosen with the pamong_lang cookie.
import { takeEarlyAnswer } from './early.js';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The UI's language, so API messages match it even before the user picks one (no cookie yet). */
let language = 'id';
export const setApiLanguage = (locale: string) => {
  language = locale;
};

/**
 * Cookie-authenticated writes must echo the session's CSRF token. A write sent
 * on a page's first render (an emailed link's lookup) waits until the session
 * has been read once: which of the two a page asks first is up to timing.
 */
let csrfToken: string | null = null;
let sessionRead: () => void;
const csrfKnown = new Promise<void>((resolve) => {
  sessionRead = resolve;
});
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
  sessionRead();
};

/**
 * Idempotency-Key per submission: a POST or PUT carries a key, and sending the
 * same thing again after a failure (no answer, a network error, a server
 * error) reuses it, so the server answers the retry with the first result
 * instead of filing twice. A success retires the key: a new submission gets a
 * new one.
 */
const unanswered = new Map<string, string>();

function newKey(): string {
  // crypto.randomUUID needs a secure context; a LAN deployment may be plain http.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What identifies "the same submission": the call and its content (files by name, size and type). */
function submissionOf(method: string, path: string, body: BodyInit | undefined): string {
  const content = body instanceof FormData
    ? JSON.stringify([...body.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `${v.name}|${v.size}|${v.type}`]))
    : String(body ?? '');
  return `${method} ${path} ${content}`;
}

/** Told the path of every successful write: the staff pages' cache (query.tsx) reloads after one. */
let written = (_path: string) => {};
export const onWrite = (listener: (path: string) => void) => {
  written = listener;
};

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A plain value is sent as JSON; FormData as multipart; a string with `contentType` as it is. */
  body?: unknown;
  /** The media type of a string body sent as it is (a CSV file's text: `text/csv`). */
  contentType?: string;
  signal?: AbortSignal;
  /** A POST that only answers a question (a simulation, a search): nothing cached goes stale. */
  reads?: boolean;
}

export async function api<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.contentType !== undefined && typeof opts.body === 'string') {
    headers['content-type'] = opts.contentType;
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    await csrfKnown;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  const submission = method === 'POST' || method === 'PUT' ? submissionOf(method, path, body) : null;
  if (submission !== null) {
    if (!unanswered.has(submission)) unanswered.set(submission, newKey());
    headers['idempotency-key'] = unanswered.get(submission)!;
  }
  let res: Response;
  try {
    res = await ((method === 'GET' && takeEarlyAnswer(path)) || fetch(path, { method, headers, body, signal: opts.signal, credentials: 'same-origin' }));
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError('network', 0, '');
  }
  // Kept only while a retry may still find the first attempt at work or unanswered.
  if (submission !== null && res.status < 500 && res.status !== 409) unanswered.delete(submission);
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(err?.code ?? 'http', res.status, err?.message ?? '', err?.details);
  }
  if (method !== 'GET' && !opts.reads) written(path);
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const regionApi = (region: string) => `/api/regions/${encodeURIComponent(region)}`;
