// The shape of one declaration of the route manifest (lib/api/routes/*.ts): an operation's method,
// path, parameters, body, responses, who may call it and how its as-of date is resolved. The
// route file implements it through lib/api/route.ts; the proxy-free 404/405, the OpenAPI
// document, the access matrix and the hostile-input fuzz all read the same declarations.
// Kept free of handler code: tests and the OpenAPI builder import it alone.
import type { z } from 'zod';
import type { Viewer } from '@/lib/domain/roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface ApiResponseSpec {
  description: string;
  /** Name of a component schema of the feature (or a core one such as ErrorResponse). */
  schema?: string;
  contentType?: string;
}

/**
 * How the wrapper resolves the date a read is "as of" (once, for every route that has one):
 * - 'asOf': `asOf` from the query, else the campaign's default; 400 outside the window plus grace.
 * - 'range': `from` (default the start) and `to` (default the default as-of), each in the window, from ≤ to.
 * Both answer 404 when the caller's kab/kota has no campaign, and hand the campaign to the handler.
 */
export type AsOfRule = 'asOf' | 'range';

export interface ApiEndpoint {
  method: Lowercase<HttpMethod>;
  /** OpenAPI path template, e.g. /api/v1/areas/{code}; the route file is app + the same with [code]. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers the endpoint reads (lower-case names). */
  headers?: z.ZodObject;
  requestBody?: { contentType: string; schema: string; description?: string; zod?: z.ZodType };
  /** Success responses by status. */
  responses: Record<number, ApiResponseSpec>;
  /** Error statuses this endpoint answers with (all carry ErrorResponse). */
  errors: readonly number[];
  /** viewer (default): 401 without one; optional: signing in; none: no auth work at all (constant bodies). */
  auth?: 'viewer' | 'optional' | 'none';
  /** Who may call it beyond being signed in; anyone else gets 404, like a missing resource. */
  permission?: (viewer: Viewer) => boolean;
  asOf?: AsOfRule;
  /**
   * A force-static GET (the health floor): its route file exports GET alone — any other export
   * would make the route dynamic — so other methods get Next's own bare 405, not the JSON one.
   */
  prerendered?: true;
}

export interface ApiFeature {
  tag: { name: string; description: string };
  /** Named component schemas; a schema nested in another is referenced by its name. */
  schemas: Record<string, z.ZodType>;
  endpoints: readonly ApiEndpoint[];
}

/** One declaration, its literal types kept (the route file's handler is typed from its schemas). */
export function endpoint<const E extends ApiEndpoint>(e: E): E {
  return e;
}

/** The route file's pattern of an OpenAPI path: /api/v1/areas/{code} → /api/v1/areas/[code]. */
export const routePattern = (path: string) => path.replace(/\{([^}]+)\}/g, '[$1]');
