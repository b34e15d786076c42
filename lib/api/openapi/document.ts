import { API_FEATURES } from '../routes';
import { buildOpenApiDocument } from './registry';

/** The OpenAPI 3.1 document of /api/v1, built from the route manifest (lib/api/routes). */
export function openApiDocument() {
  return buildOpenApiDocument(API_FEATURES, {
    title: 'Pantau API',
    version: '1',
    description:
      'Read and write API of Pantau. Every call runs in the caller’s scope (a signed-in session or an API token): an area outside it answers 404, exactly like a missing one. Ratios are fractions 0..1, dates ISO 8601.',
  });
}
