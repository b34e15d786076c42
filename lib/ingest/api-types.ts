// The JSON the ingest endpoints answer with, shared by the route handlers and the pages that read it.
import type { ImportSummary } from '@/lib/queries/imports';
import type { ImportKind, ReasonCode } from './reasons';

export interface PresentedRejection {
  index: number;
  line?: number;
  values: Record<string, string>;
  errors: { field: string; code: ReasonCode; reason: string }[];
}

export interface PresentedCorrection {
  index: number;
  line?: number;
  kodeSubsls: string;
  tanggal: string;
  fields: string[];
  previousTanggal: string;
}

/** POST /api/v1/imports (201). */
export interface ImportResponse {
  id: number;
  kind: ImportKind;
  status: 'applied' | 'rejected' | 'failed';
  totalRows: number;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  rejections: PresentedRejection[];
  corrections: PresentedCorrection[];
}

/** GET /api/v1/imports/{id}. */
export type ImportDetail = Omit<ImportSummary, 'problem'> & {
  message: string | null;
  rejections: PresentedRejection[];
  offset: number;
  limit: number;
};

/** GET /api/v1/imports. */
export interface ImportList {
  items: Omit<ImportSummary, 'problem'>[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/v1/reports. */
export interface SubmitResponse {
  importId: number | null;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  rejections: { index: number; field: string; code: ReasonCode; reason: string }[];
  corrections: PresentedCorrection[];
}

/** The error body of every /api/v1 endpoint. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: { problem?: string; importId?: number } };
}
