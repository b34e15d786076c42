import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/api/openapi/document';
import { buildOpenApiDocument, type ApiFeature } from '@/lib/api/openapi/registry';

const info = { title: 't', version: '1', description: 'd' };

/** Every "$ref" string anywhere in a JSON value. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
  }
  return [];
}

describe('OpenAPI registry', () => {
  it('builds one 3.1 document whose every reference resolves to a component', () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    const names = new Set(Object.keys(doc.components.schemas));
    const unresolved = refs(doc).filter((r) => !names.has(r.replace('#/components/schemas/', '')));
    expect(unresolved).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });

  it('marks path parameters required and optional query parameters not', () => {
    const get = openApiDocument().paths['/api/v1/areas/{code}/daily'].get as { parameters: { name: string; in: string; required: boolean }[] };
    expect(get.parameters).toEqual([
      expect.objectContaining({ name: 'code', in: 'path', required: true }),
      expect.objectContaining({ name: 'from', in: 'query', required: false }),
      expect.objectContaining({ name: 'to', in: 'query', required: false }),
    ]);
  });

  it('lets a feature add endpoints in its own file, and refuses two claims on one path or name', () => {
    const thing = z.object({ id: z.string() });
    const feature = (name: string, schema: z.ZodType = thing): ApiFeature => ({
      tag: { name, description: name },
      schemas: { Thing: schema },
      endpoints: [{ method: 'get', path: '/api/v1/things', operationId: name, summary: name, responses: { 200: { description: 'ok', schema: 'Thing' } }, errors: [401] }],
    });
    const doc = buildOpenApiDocument([feature('a')], info);
    expect(doc.paths['/api/v1/things']).toHaveProperty('get');
    expect(() => buildOpenApiDocument([feature('a'), feature('b')], info)).toThrow(/described twice/);
    expect(() => buildOpenApiDocument([feature('a'), { ...feature('b', z.object({ x: z.number() })), endpoints: [] }], info)).toThrow(/used twice/);
  });
});
