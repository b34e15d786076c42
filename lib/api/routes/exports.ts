import { z } from 'zod';
import { areaFilePattern } from '@/lib/domain/area-code';
import { exportFileSchema, exportQuerySchema, officerExportFileSchema, officerExportQuerySchema } from '../export-schemas';
import { asOfQuerySchema } from '../schemas';
import { endpoint, type ApiFeature } from './define';

/** Downloads: the area report (CSV/XLSX/PDF), the kelurahan bundle (ZIP) and the officer lists (CSV/XLSX). */
export const exportsApi = {
  tag: { name: 'exports', description: 'Downloads in the caller’s scope, written to the audit log' },
  schemas: {
    ExportFile: z.string().meta({ description: 'The file (CSV: UTF-8 with BOM; XLSX: codes as text; PDF; ZIP)', contentEncoding: 'binary' }),
  },
  endpoints: [
    endpoint({
      method: 'get',
      path: '/api/v1/exports/officers/{file}',
      operationId: 'exportOfficers',
      summary: 'The officer list (worst first) or the "belum lapor" list of an area, as CSV or XLSX',
      description:
        'file = {code}.{csv|xlsx}. Officers working in the area (home area inside it or holding a sub-SLS there), within the caller’s scope; ' +
        'the caller’s own root area (a PML or PPL: the kab/kota code) lists their whole scope. list=silent: PPL with work left and no report dated asOf.',
      params: z.object({ file: officerExportFileSchema }),
      query: officerExportQuerySchema,
      responses: { 200: { description: 'The file (CSV: UTF-8 with BOM; XLSX: codes as text, numbers as numbers)', schema: 'ExportFile', contentType: 'application/octet-stream' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/exports/{file}',
      operationId: 'exportArea',
      summary: 'The progress report of an area as CSV, XLSX or PDF',
      description: 'file = {code}.{csv|xlsx|pdf}. The area’s children (or the level asked for) with every metric as of a date, within the caller’s scope; written to the audit log.',
      params: z.object({ file: exportFileSchema }),
      query: exportQuerySchema,
      responses: { 200: { description: 'The report', schema: 'ExportFile', contentType: 'application/octet-stream' } },
      errors: [400, 401, 404],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/exports/bundle/{file}',
      operationId: 'exportKelurahanBundle',
      summary: 'Every kelurahan’s PDF report under an area, zipped',
      description: 'file = {code}.zip. Written to the audit log.',
      params: z.object({ file: z.string().regex(areaFilePattern(['zip'])) }),
      query: asOfQuerySchema,
      responses: { 200: { description: 'A ZIP of PDF files', schema: 'ExportFile', contentType: 'application/zip' } },
      errors: [400, 401, 404],
    }),
  ],
} satisfies ApiFeature;
