import type { Locale } from '@/lib/i18n/config';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

/** The HTTP status of each error code (also listed in the OpenAPI document). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

const DEFAULT_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: { id: 'Permintaan tidak valid.', en: 'Invalid request.' },
  unauthorized: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  forbidden: { id: 'Permintaan ini tidak diizinkan.', en: 'This request is not allowed.' },
  not_found: { id: 'Tidak ditemukan.', en: 'Not found.' },
  method_not_allowed: { id: 'Metode HTTP ini tidak diizinkan di sini.', en: 'This HTTP method is not allowed here.' },
  conflict: { id: 'Terjadi konflik dengan data yang ada.', en: 'Conflicts with existing data.' },
  payload_too_large: { id: 'Data yang dikirim terlalu besar.', en: 'The request body is too large.' },
  unprocessable: { id: 'Data tidak dapat diproses.', en: 'The data cannot be processed.' },
  rate_limited: { id: 'Terlalu banyak permintaan. Coba lagi nanti.', en: 'Too many requests. Try again later.' },
  internal: { id: 'Terjadi kesalahan di server.', en: 'Something went wrong on the server.' },
  unavailable: {
    id: 'Basis data sedang tidak tersedia; coba lagi sebentar lagi. Data yang sedang dikirim tersimpan utuh atau tidak sama sekali.',
    en: 'The database is unavailable right now; try again shortly. Data being sent is stored whole or not at all.',
  },
};

/** Connection-level failures (refused, closed, server shutting down or starting): the database is down, not the request wrong. */
const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** The string codes of `error` and of the errors it wraps (as drizzle wraps the driver's), outermost first. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** Whether `error` (or an error it wraps, as drizzle does) says the database connection failed. */
export function isDatabaseDown(error: unknown): boolean {
  return errorCodes(error).some((code) => DATABASE_DOWN.has(code));
}

/** An error meant for the client: its code, status and a message in the request's language. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messages?: Partial<Record<Locale, string>>,
    readonly details?: unknown,
    /** Sent as Retry-After with 429 and 503 answers. */
    readonly retryAfterSeconds?: number,
  ) {
    super(messages?.en ?? DEFAULT_MESSAGES[code].en);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  messageFor(locale: Locale): string {
    return this.messages?.[locale] ?? this.messages?.id ?? DEFAULT_MESSAGES[this.code][locale];
  }
}

export function errorBody(error: ApiError, locale: Locale) {
  return { error: { code: error.code, message: error.messageFor(locale), ...(error.details === undefined ? {} : { details: error.details }) } };
}
