// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the route handlers
// parse with. Each feature declares its endpoints in the route manifest (lib/api/routes/*.ts),
// listed once in lib/api/routes/index.ts; this file turns them into one document.
import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../errors';
import type { ApiEndpoint, ApiFeature } from '../routes/define';

type JsonSchema = Record<string, unknown>;

export type { ApiEndpoint, ApiFeature, ApiResponseSpec } from '../routes/define';

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid parameters; details lists the failing fields',
  401: 'No session or API token',
  404: 'Not found, or outside the caller’s area (the two are indistinguishable)',
  409: 'Conflicts with existing data',
  413: 'Request body too large',
  422: 'The data cannot be processed; details lists the rejected rows',
  429: 'Too many requests',
  500: 'Server error (never a stack trace)',
  503: 'The database is unavailable (a write it interrupted is stored whole or not at all); Retry-After says when to try again',
};

const errorResponseSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: 'In the request’s language (pantau-locale cookie, else Accept-Language, else Indonesian)' }),
    details: z.unknown().optional(),
  }),
});

const CORE_SCHEMAS: Record<string, z.ZodType> = { ErrorResponse: errorResponseSchema };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** Route and query parameters from a zod object: one parameter per key, its schema as the client sends it. */
function parameters(where: 'path' | 'query' | 'header', shape: z.ZodObject | undefined) {
  if (!shape) return [];
  return Object.entries(shape.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { description, ...schema } = withoutDialect(z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema,
    };
  });
}

function operation(tag: string, e: ApiEndpoint) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(e.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: ref(r.schema) } } } : {}),
    };
  }
  for (const status of e.errors) {
    responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: ref('ErrorResponse') } } };
  }
  return {
    operationId: e.operationId,
    tags: [tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    parameters: [...parameters('path', e.params), ...parameters('query', e.query), ...parameters('header', e.headers)],
    ...(e.requestBody
      ? { requestBody: { required: true, description: e.requestBody.description, content: { [e.requestBody.contentType]: { schema: ref(e.requestBody.schema) } } } }
      : {}),
    responses,
  };
}

/** Builds the OpenAPI 3.1 document from every feature; throws when two features claim one name or path. */
export function buildOpenApiDocument(features: readonly ApiFeature[], info: { title: string; version: string; description: string }) {
  const registry = z.registry<{ id: string }>();
  const named = new Map<string, z.ZodType>();
  for (const [name, schema] of [...Object.entries(CORE_SCHEMAS), ...features.flatMap((f) => Object.entries(f.schemas))]) {
    if (named.has(name) && named.get(name) !== schema) throw new Error(`OpenAPI: schema name ${name} is used twice`);
    if (!named.has(name)) registry.add(schema, { id: name });
    named.set(name, schema);
  }
  const converted = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as {
    schemas: Record<string, JsonSchema>;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const feature of features) {
    for (const e of feature.endpoints) {
      paths[e.path] ??= {};
      if (paths[e.path][e.method]) throw new Error(`OpenAPI: ${e.method.toUpperCase()} ${e.path} is described twice`);
      for (const r of [...Object.values(e.responses).map((x) => x.schema), e.requestBody?.schema]) {
        if (r && !named.has(r)) throw new Error(`OpenAPI: ${e.operationId} refers to unknown schema ${r}`);
      }
      paths[e.path][e.method] = operation(feature.tag.name, e);
    }
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: features.map((f) => f.tag),
    paths,
    components: { schemas: Object.fromEntries(Object.entries(converted.schemas).map(([k, v]) => [k, withoutDialect(v)])) },
  };
}
