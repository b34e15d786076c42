// Every feature's part of the OpenAPI document. A feature adds its endpoints by adding a file
// beside this one (see areas.ts) and one line here.
import { areasApi } from './areas';
import { exportsApi } from './exports';
import { followupsApi } from './followups';
import { ingestApi } from './ingest';
import { buildOpenApiDocument, type ApiFeature } from './registry';
import { searchApi } from './search';
import { shareApi } from './share';

export const API_FEATURES: readonly ApiFeature[] = [areasApi, searchApi, ingestApi, exportsApi, shareApi, followupsApi];

export function openApiDocument() {
  return buildOpenApiDocument(API_FEATURES, {
    title: 'Pantau API',
    version: '1',
    description:
      'Read and write API of Pantau. Every call runs in the caller’s scope (a signed-in session or an API token): an area outside it answers 404, exactly like a missing one. Ratios are fractions 0..1, dates ISO 8601.',
  });
}
