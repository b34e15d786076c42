// The route manifest (lib/api/routes) against the route files under app/api: every route file has
// a declaration and implements it, every declaration has a route file, and the OpenAPI document
// lists exactly the declared operations, each with a response for every success status.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';
import { allowedMethods, API_METHODS } from '@/lib/api/methods';
import { API_OPERATIONS } from '@/lib/api/routes';

const FALLBACK = '/api/[...path]';

/** Each route file under app/api: its URL pattern and its source. */
function routeFiles(dir = path.resolve('app/api'), segments = ['api']): { pattern: string; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full, [...segments, entry.name]);
    return /^route\.(ts|js)$/.test(entry.name) ? [{ pattern: '/' + segments.join('/'), source: readFileSync(full, 'utf8') }] : [];
  });
}

describe('route manifest', () => {
  const files = routeFiles().filter((f) => f.pattern !== FALLBACK);
  const declared = [...new Set(API_OPERATIONS.map((o) => o.pattern))];

  it('has a declaration for every route file under app/api, and a route file for every declaration', () => {
    expect(files.length).toBeGreaterThan(20);
    const patterns = files.map((f) => f.pattern);
    expect(patterns.filter((p) => !declared.includes(p)), 'route files without a declaration in lib/api/routes').toEqual([]);
    expect(declared.filter((p) => !patterns.includes(p)), 'declarations without a route file').toEqual([]);
  });

  it('has every route file implement its own declaration (and export the JSON 405 for the rest)', () => {
    for (const { pattern, source } of files) {
      const op = API_OPERATIONS.find((o) => o.pattern === pattern)!;
      const path = op.path;
      if (op.prerendered) {
        expect(source, pattern).toMatch(/export const dynamic = 'force-static'/);
        expect(source, pattern).not.toMatch(/export (const|function|async function) (POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/);
        continue;
      }
      expect(source, pattern).toMatch(new RegExp(`implement\\(\\w+, '${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'`));
      expect(source, pattern).toMatch(/export const \{[^}]*\bPUT\b[^}]*\bDELETE\b[^}]*\bOPTIONS\b[^}]*\} = /);
    }
  });

  it('declares each operation once, with a unique operationId', () => {
    const keys = API_OPERATIONS.map((o) => `${o.method} ${o.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = API_OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the methods table from it, with Next’s precedence of static segments', () => {
    expect(Object.keys(API_METHODS).sort()).toEqual([...declared].sort());
    expect(allowedMethods('/api/v1/session')).toEqual(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/health')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('puts every operation of app/api in the OpenAPI document, with a response for each success status', () => {
    const doc = openApiDocument();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{([^}]+)\}/g, '[$1]')}`));
    const implemented = files.flatMap((f) => (API_METHODS[f.pattern] ?? []).map((m) => `${m} ${f.pattern}`));
    expect(documented.sort()).toEqual(implemented.sort());
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops as Record<string, { responses: Record<string, { content?: unknown }> }>)) {
        expect(Object.keys(op.responses).some((status) => Number(status) < 300), `${m} ${p}: no success response`).toBe(true);
        // Every success with a body (not 204 No Content) names its schema.
        const success = Object.entries(op.responses).filter(([status]) => Number(status) < 300 && Number(status) !== 204);
        for (const [status, r] of success) expect(r.content, `${m} ${p} ${status} has no response schema`).toBeDefined();
      }
    }
  });
});
