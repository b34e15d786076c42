// The edge between the ingest path and HTTP: problems become API errors in both languages,
// results become JSON in the request's language, bodies are read with a size limit.
import type { NextRequest } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { clientIp } from '@/lib/auth/request-info';
import type { Locale } from '@/lib/i18n/config';
import type { Correction } from './apply-reports';
import { ImportProblem, reasonText, type RowRejection } from './reasons';

/** An ImportProblem as the API error it answers with (both languages; the handler picks one). */
export function toApiError(problem: ImportProblem): ApiError {
  return new ApiError(problem.status, { id: problem.text('id'), en: problem.text('en') }, {
    problem: problem.code,
    ...(problem.importId === null ? {} : { importId: problem.importId }),
  });
}

/** Runs `fn`, turning an ImportProblem into its ApiError. */
export async function answering<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ImportProblem) throw toApiError(error);
    throw error;
  }
}

/** The client address for the audit log: the one rule of lib/auth/request-info.ts. */
export function requestIp(req: NextRequest): string | null {
  return clientIp(req.headers);
}

/** A request body as an async iterable of chunks; stopping early cancels the rest. */
export async function* bodyChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}

/** The JSON body, refusing more than `maxBytes` (413) and anything that is not JSON (400). */
export async function readJsonBody(req: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  const tooLarge = () => new ImportProblem('too_large', { max: Math.round(maxBytes / 1048576) }, 'payload_too_large');
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(req.body)) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ImportProblem('bad_json', {}, 'bad_request');
  }
}

/** A rejected row for display: its values and each reason in words. */
export function presentRejection(r: RowRejection, locale: Locale) {
  return {
    index: r.index,
    ...(r.line === undefined ? {} : { line: r.line }),
    values: r.values,
    errors: r.errors.map((e) => ({ field: e.field, code: e.code, reason: reasonText(e, locale) })),
  };
}

export function presentCorrection(c: Correction) {
  return { index: c.index, ...(c.line === undefined ? {} : { line: c.line }), kodeSubsls: c.kodeSubsls, tanggal: c.tanggal, fields: c.fields, previousTanggal: c.previousTanggal };
}
