// Every route of the app, found by walking app/ (so routes added later show up), and the
// table of what each role may get from it. A route missing from RULES fails the matrix. The
// methods of an API route come from its declarations in the route manifest (lib/api/routes),
// which tests/unit/route-manifest.test.ts pairs with the route files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { API_METHODS } from '@/lib/api/methods';
import type { Role } from '@/lib/domain/roles';
import type { ParamKind } from './access-fixtures';

export interface AppRoute {
  /** "GET /api/v1/areas/[code]" — the key into RULES. */
  key: string;
  method: string;
  pattern: string;
  kind: 'page' | 'api';
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The API's fallback for paths no route matches (a JSON 404 for every method): not a route of its own. */
export const API_FALLBACK = '/api/[...path]';

/** Pages (GET), route handlers outside the API (each exported method) and API routes (each declared method) under `appDir`. */
export function enumerateRoutes(appDir = path.resolve('app')): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // Route groups "(x)" and parallel slots "@x" add no URL segment; "_x" folders are private.
        if (entry.name.startsWith('_')) continue;
        walk(full, /^\(.*\)$/.test(entry.name) || entry.name.startsWith('@') ? segments : [...segments, entry.name]);
        continue;
      }
      const pattern = '/' + segments.join('/');
      if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) out.push({ key: `GET ${pattern}`, method: 'GET', pattern, kind: 'page' });
      if (/^route\.(ts|js)$/.test(entry.name) && pattern.startsWith('/api/')) {
        if (pattern === API_FALLBACK) continue;
        // A route file without a declaration shows up as UNDECLARED and fails the matrix's rules.
        for (const method of API_METHODS[pattern] ?? ['UNDECLARED']) out.push({ key: `${method} ${pattern}`, method, pattern, kind: 'api' });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        for (const method of METHODS) {
          if (new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source)) {
            out.push({ key: `${method} ${pattern}`, method, pattern, kind: pattern.startsWith('/api/') ? 'api' : 'page' });
          }
        }
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** A route or query parameter: filled with the target of a kind, optionally once per suffix (`.csv`, `.pdf` …). */
export type ParamSpec = ParamKind | { kind: ParamKind; suffixes: string[] };

/**
 * What a signed-in user gets:
 * - scoped: the route takes targets (route/query parameters of a kind); 200 for the user's own
 *   root and its descendants, 404 for an ancestor, a sibling and another kab/kota. With
 *   `roles`, other roles get 404 for every target.
 * - roles: no target; `status` (default 200) for the listed roles, 404 for the others.
 *   Writes give `body` (built from the targets) and expect `status` (default 200) when allowed.
 * - covered: checked by the named test file instead (sign-in itself).
 * Signed out, every API route answers 401 and every page redirects to /masuk, unless `public`.
 */
export type Rule =
  | {
      expect: 'scoped';
      params?: Record<string, ParamSpec>;
      query?: Record<string, ParamSpec>;
      roles?: Role[];
      body?: (target: (kind: ParamKind) => string) => unknown;
      status?: number;
    }
  | { expect: 'roles'; roles: Role[] | 'all'; status?: number; query?: Record<string, string> }
  | { expect: 'covered'; by: string };

export type RuleEntry = Rule & { public?: true; signedInStatus?: number };

const ADMIN: Role[] = ['admin'];

// To cover a new route, add it here by its pattern, for example:
//   'GET /api/v1/officers/[code]': { expect: 'scoped', params: { code: 'officer' } },
//   'GET /api/v1/officers': { expect: 'scoped', query: { area: 'area' } },
//   'GET /api/v1/exports/[file]': { expect: 'scoped', params: { file: { kind: 'area', suffixes: ['.csv', '.xlsx', '.pdf'] } } },
//   'POST /api/v1/reports': { expect: 'scoped', roles: ['admin', 'pml', 'ppl'], body: (t) => [{ kodeSubsls: t('subsls'), … }] },
//   'GET /peta': { expect: 'roles', roles: 'all' },

export const RULES: Record<string, RuleEntry> = {
  'GET /': { expect: 'roles', roles: 'all', status: 307 },
  'GET /masuk': { expect: 'roles', roles: 'all', status: 307, public: true },
  'GET /wilayah/[code]': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/session': { expect: 'roles', roles: 'all' },
  'POST /api/v1/session': { expect: 'covered', by: 'tests/integration/session-http.test.ts' },
  'DELETE /api/v1/session': { expect: 'covered', by: 'tests/integration/session-http.test.ts' },
  'GET /admin/pengguna': { expect: 'roles', roles: ADMIN },
  'GET /admin/pengguna/[username]': { expect: 'scoped', params: { username: 'user' }, roles: ADMIN },
  'GET /admin/token': { expect: 'roles', roles: ADMIN },
  'GET /admin/audit': { expect: 'roles', roles: ADMIN },
  'GET /peta': { expect: 'roles', roles: ['admin', 'pimpinan', 'camat', 'lurah'] },
  'GET /api/v1/areas/[code]/geo': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]/children': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]/daily': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]/card.png': { expect: 'scoped', params: { code: 'area' } },
  // The matrix's server has no archive (PANTAU_ARCHIVE=0, nothing written): every role gets 404;
  // tests/integration/archive.test.ts writes a day and checks the scope of every file.
  'GET /api/v1/archive/[date]/[file]': { expect: 'covered', by: 'tests/integration/archive.test.ts' },
  'GET /api/v1/search': { expect: 'roles', roles: 'all', query: { q: 'manggar' } },
  'GET /api/v1/openapi.json': { expect: 'roles', roles: 'all', public: true },
  'GET /api/v1/health': { expect: 'roles', roles: 'all', public: true },
  'GET /cari': { expect: 'roles', roles: 'all' },
  'GET /glosarium': { expect: 'roles', roles: 'all' },
  'GET /api/v1/officers': { expect: 'roles', roles: 'all' },
  'GET /api/v1/officers/[code]': { expect: 'scoped', params: { code: 'officer' } },
  'GET /petugas': { expect: 'roles', roles: 'all' },
  'GET /petugas/[code]': { expect: 'scoped', params: { code: 'officer' } },
  'GET /laporan': { expect: 'roles', roles: ['admin', 'pimpinan', 'camat', 'lurah'] },
  'GET /api/v1/exports/[file]': { expect: 'scoped', params: { file: { kind: 'area', suffixes: ['.csv', '.xlsx', '.pdf'] } } },
  'GET /api/v1/exports/bundle/[file]': { expect: 'scoped', params: { file: { kind: 'area', suffixes: ['.zip'] } } },
  'GET /api/v1/exports/officers/[file]': { expect: 'scoped', params: { file: { kind: 'area', suffixes: ['.csv', '.xlsx'] } } },
  // Ingest. A batch answers row by row (a sub-SLS outside the scope is a "not found" rejection),
  // so the matrix checks the role gate (an empty object is not a batch: 400) and
  // tests/integration/ingest-reports.test.ts checks the scope of every row.
  'POST /api/v1/reports': { expect: 'roles', roles: ['admin', 'pml', 'ppl'], status: 400 },
  'POST /api/v1/imports': { expect: 'roles', roles: ADMIN, status: 400 },
  'GET /api/v1/imports': { expect: 'roles', roles: ['admin', 'pml', 'ppl'] },
  'GET /api/v1/imports/[id]': { expect: 'covered', by: 'tests/integration/ingest-reports.test.ts' },
  'GET /api/v1/imports/[id]/rejections.csv': { expect: 'covered', by: 'tests/integration/ingest-reports.test.ts' },
  'GET /api/v1/imports/[id]/rejections.xlsx': { expect: 'covered', by: 'tests/integration/ingest-reports.test.ts' },
  'GET /api/v1/imports/templates/[file]': { expect: 'covered', by: 'tests/e2e/impor.test.ts' },
  'GET /api/v1/changes': { expect: 'roles', roles: 'all' },
  'GET /api/v1/assignments': { expect: 'scoped', query: { petugas: 'officer' } },
  'GET /impor': { expect: 'roles', roles: ADMIN },
  'GET /lapor': { expect: 'roles', roles: ['admin', 'pml', 'ppl'] },
  // Follow-ups (issue #17). Like reports, the body names the SLS, so the matrix checks the role gate
  // (an empty object: 400) and tests/integration/followups.test.ts the scope of the SLS and follow-up.
  'POST /api/v1/followups': { expect: 'roles', roles: ['admin', 'camat', 'lurah', 'pml'], status: 400 },
  'GET /api/v1/areas/[code]/followups': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]/refusals': { expect: 'scoped', params: { code: 'area' } },
  'GET /api/v1/areas/[code]/prelist-drift': { expect: 'scoped', params: { code: 'area' }, roles: ['admin', 'pimpinan', 'camat', 'lurah'] },
  'GET /tindak-lanjut/[code]': { expect: 'scoped', params: { code: 'area' } },
  'GET /rekonsiliasi/[code]': { expect: 'scoped', params: { code: 'area' }, roles: ['admin', 'pimpinan', 'camat', 'lurah'] },
};
