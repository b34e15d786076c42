import { z } from 'zod';
import { officerExportFileSchema, officerExportQuerySchema } from '../export-schemas';
import type { ApiFeature } from './registry';

/** Downloads (CSV/XLSX) of the officer lists; the area reports' exports are described in README. */
export const exportsApi: ApiFeature = {
  tag: { name: 'exports', description: 'Downloads in the caller’s scope, written to the audit log' },
  schemas: {},
  endpoints: [
    {
      method: 'get',
      path: '/api/v1/exports/officers/{file}',
      operationId: 'exportOfficers',
      summary: 'The officer list (worst first) or the "belum lapor" list of an area, as CSV or XLSX',
      description:
        'file = {code}.{csv|xlsx}. Officers working in the area (home area inside it or holding a sub-SLS there), within the caller’s scope; ' +
        'the caller’s own root area (a PML or PPL: the kab/kota code) lists their whole scope. list=silent: PPL with work left and no report dated asOf.',
      params: z.object({ file: officerExportFileSchema }),
      query: officerExportQuerySchema,
      responses: { 200: { description: 'The file (CSV: UTF-8 with BOM; XLSX: codes as text, numbers as numbers)' } },
      errors: [400, 401, 404],
    },
  ],
};
