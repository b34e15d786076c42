import { describe, expect, it } from 'vitest';
import { isDatabaseDown } from '@/lib/api/errors';
import { ImportProblem } from '@/lib/ingest/reasons';
import { fromThreadError, toThreadError } from '@/lib/server/write-thread-protocol';

/** What crosses a worker thread's port: a structured clone. */
const across = <T>(value: T): T => structuredClone(value);

describe('write thread protocol: errors cross as plain data and come back as the same kind', () => {
  it('a refused submission stays an ImportProblem with its code, params, status and import', () => {
    const problem = new ImportProblem('too_many_reports', { max: 5000, count: 5001 }, 'payload_too_large');
    problem.importId = 42;
    const back = fromThreadError(across(toThreadError(problem)));
    expect(back).toBeInstanceOf(ImportProblem);
    const p = back as ImportProblem;
    expect([p.code, p.params, p.status, p.importId, p.message]).toEqual(['too_many_reports', { max: 5000, count: 5001 }, 'payload_too_large', 42, problem.message]);
  });

  it('a database that went away is still recognised as down (503), through its chain of causes', () => {
    const driver = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
    const wrapped = new Error('Failed query', { cause: driver });
    expect(isDatabaseDown(wrapped)).toBe(true);
    const back = fromThreadError(across(toThreadError(wrapped)));
    expect(isDatabaseDown(back)).toBe(true);
    expect(back.message).toContain('Failed query');
  });

  it('any other error stays an error that is not taken for the database being down', () => {
    const back = fromThreadError(across(toThreadError(new TypeError('boom'))));
    expect(back).not.toBeInstanceOf(ImportProblem);
    expect(isDatabaseDown(back)).toBe(false);
    expect(back.message).toContain('boom');
    expect(isDatabaseDown(fromThreadError(across(toThreadError('a string'))))).toBe(false);
  });
});
