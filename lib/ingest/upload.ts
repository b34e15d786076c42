// A multipart upload (fields: kind, then file) → importFile, reading the file as it arrives.
import type { Db } from '@/lib/db/client';
import { mayLoad, type Actor } from './actor';
import { IMPORT_KINDS } from './columns';
import { importFile, type ImportResult } from './import-file';
import { boundaryOf, multipartParts, partText } from './multipart';
import { ImportProblem, type ImportKind } from './reasons';

/** The largest file accepted (20 MB); the body may carry a little more for the form fields. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const FORM_OVERHEAD = 64 * 1024;

export interface UploadRequest {
  contentType: string | null;
  contentLength: number | null;
  body: AsyncIterable<Uint8Array>;
  ip: string | null;
}

/** Counts the file's bytes as they pass, refusing the upload past the limit. */
async function* limited(chunks: AsyncIterable<Uint8Array>, max: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) throw new ImportProblem('too_large', { max: max / 1048576 }, 'payload_too_large');
    yield chunk;
  }
}

export async function importUpload(db: Db, actor: Actor, req: UploadRequest): Promise<ImportResult> {
  // Someone who may load nothing gets the same not-found as a missing endpoint, before any parsing.
  if (!IMPORT_KINDS.some((k) => mayLoad(actor, k))) throw new ImportProblem('forbidden_kind', { kind: 'reports' }, 'not_found');
  const boundary = boundaryOf(req.contentType);
  if (!boundary) throw new ImportProblem('not_multipart', {}, 'bad_request');
  if (req.contentLength !== null && req.contentLength > MAX_UPLOAD_BYTES + FORM_OVERHEAD) {
    throw new ImportProblem('too_large', { max: MAX_UPLOAD_BYTES / 1048576 }, 'payload_too_large');
  }
  let kind: ImportKind | undefined;
  for await (const part of multipartParts(req.body, boundary, MAX_UPLOAD_BYTES + FORM_OVERHEAD)) {
    if (part.name === 'kind') {
      const value = await partText(part);
      kind = (IMPORT_KINDS as readonly string[]).includes(value) ? (value as ImportKind) : undefined;
    } else if (part.name === 'file') {
      return importFile(db, actor, { chunks: limited(part.body, MAX_UPLOAD_BYTES), filename: part.filename, kind, ip: req.ip });
    }
  }
  throw new ImportProblem('no_file', {}, 'bad_request');
}
