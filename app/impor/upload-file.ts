import type { ApiErrorBody, ImportResponse } from '@/lib/ingest/api-types';

export type UploadOutcome =
  | { ok: true; body: ImportResponse }
  | { ok: false; message: string; importId?: number }
  | { ok: false; network: true };

/**
 * Uploads with XMLHttpRequest, the one browser API that reports upload progress. `kind` goes
 * first so the server knows it before the file streams in.
 */
export function uploadFile(file: File, kind: string, locale: string, onProgress: (fraction: number | null) => void): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const form = new FormData();
    if (kind) form.append('kind', kind);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept-language', locale);
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => resolve({ ok: false, network: true });
    xhr.onload = () => {
      const body = xhr.response as ImportResponse | ApiErrorBody | null;
      if (xhr.status === 201 && body && !('error' in body)) resolve({ ok: true, body });
      else if (body && 'error' in body) resolve({ ok: false, message: body.error.message, importId: body.error.details?.importId });
      else resolve({ ok: false, network: true });
    };
    xhr.send(form);
  });
}
