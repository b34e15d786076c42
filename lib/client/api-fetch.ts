// The browser side of /api/v1: one way to ask the API. JSON in, the API's own error out
// (`{ error: { code, message, details } }`), in the page's language, and revalidated by ETag.

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface ApiFetchOptions {
  signal?: AbortSignal;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A request body, sent as JSON. */
  json?: unknown;
  /** Extra request headers (an idempotency key, …). */
  headers?: Record<string, string>;
  /** The media type asked for; JSON unless told (the map asks for GeoJSON). */
  accept?: string;
  /** The language of the answer (its error messages, its reasons); the page's own (`<html lang>`) unless told. */
  locale?: string;
}

interface Remembered {
  etag: string;
  body: unknown;
}

/**
 * The last ETag and parsed body of each GET, per language and URL. The API answers every
 * request `Cache-Control: private, no-store` (its bodies depend on who asks), so the browser
 * never revalidates for us: we send If-None-Match ourselves and a 304 hands back the body
 * remembered here. Only this tab's memory holds it; the ETag is the hash of the exact body,
 * so a 304 can never return a body the server would not send now.
 */
const remembered = new Map<string, Remembered>();
/** Enough for a page's panels and a replay of the whole window; the oldest go first. */
const MAX_REMEMBERED = 200;

/** Forgets every remembered body (on sign-out, and between tests). */
export function forgetApiBodies(): void {
  remembered.clear();
}

/** The page's language: the `lang` of the document the server rendered (the locale cookie's, else Indonesian). */
export function pageLocale(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.documentElement.lang || undefined;
}

function remember(key: string, entry: Remembered): void {
  remembered.delete(key);
  remembered.set(key, entry);
  while (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
}

/** The API's error as an ApiRequestError; a body without one (a proxy's HTML page) keeps the HTTP status text. */
function errorOf(res: Response, body: unknown): ApiRequestError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : 'internal';
  const message = typeof error?.message === 'string' ? error.message : res.statusText || `HTTP ${res.status}`;
  return new ApiRequestError(res.status, code, message, error?.details);
}

/**
 * Asks the API and returns the parsed JSON body; throws ApiRequestError for an answer that is
 * not 2xx (a network failure stays the TypeError fetch throws, so callers can tell the two apart).
 */
export async function apiFetch<T>(url: string, options: ApiFetchOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const locale = options.locale ?? pageLocale();
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (locale) headers['accept-language'] = locale;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  const key = `${locale ?? ''} ${url}`;
  const known = method === 'GET' ? remembered.get(key) : undefined;
  if (known) headers['if-none-match'] = known.etag;

  const res = await fetch(url, {
    method,
    headers,
    body: options.json === undefined ? undefined : JSON.stringify(options.json),
    signal: options.signal,
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (res.status === 304 && known) {
    remember(key, known);
    return known.body as T;
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw errorOf(res, body);
  if (method === 'GET') {
    const etag = res.headers.get('etag');
    if (etag && body !== null) remember(key, { etag, body });
    else remembered.delete(key);
  }
  return body as T;
}
