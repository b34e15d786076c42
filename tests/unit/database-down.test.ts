import { describe, expect, it } from 'vitest';
import { ApiError, errorBody, isDatabaseDown } from '@/lib/api/errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database outages answer 503', () => {
  it('tells connection failures (also wrapped, as drizzle wraps them) from other errors', () => {
    expect(isDatabaseDown(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseDown(withCode('CONNECTION_CLOSED'))).toBe(true);
    expect(isDatabaseDown(withCode('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseDown(new Error('Failed query: insert …', { cause: withCode('57P03') }))).toBe(true);
    expect(isDatabaseDown(withCode('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseDown(new Error('boom'))).toBe(false);
    expect(isDatabaseDown(null)).toBe(false);
  });

  it('says so in both languages, and that a write is all-or-nothing', () => {
    const error = new ApiError('unavailable', undefined, undefined, 5);
    expect(error.status).toBe(503);
    expect(errorBody(error, 'id').error.message).toMatch(/^Basis data sedang tidak tersedia; .* tersimpan utuh atau tidak sama sekali\.$/);
    expect(errorBody(error, 'en').error).toEqual({ code: 'unavailable', message: 'The database is unavailable right now; try again shortly. Data being sent is stored whole or not at all.' });
  });
});
