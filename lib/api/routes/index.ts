// The route manifest: every /api/v1 operation, declared once per feature (areas.ts, officers.ts, …)
// and listed here. Derived from it: the 405 answers and Allow headers (lib/api/route.ts), the
// methods table (lib/api/methods.ts), the OpenAPI document (lib/api/openapi), the access matrix's
// API routes and the hostile-input fuzz (tests/integration). tests/unit/route-manifest.test.ts
// fails when a route file under app/api and a declaration here do not pair up.
import { areasApi } from './areas';
import { routePattern, type ApiEndpoint, type ApiFeature } from './define';
import { exportsApi } from './exports';
import { followupsApi } from './followups';
import { ingestApi } from './ingest';
import { officersApi } from './officers';
import { searchApi } from './search';
import { sessionApi } from './session';
import { shareApi } from './share';

export const API_FEATURES: readonly ApiFeature[] = [areasApi, searchApi, officersApi, ingestApi, exportsApi, shareApi, followupsApi, sessionApi];

/** Every operation, each with the route file pattern it is implemented in (/api/v1/areas/[code]). */
export const API_OPERATIONS: readonly (ApiEndpoint & { pattern: string })[] = API_FEATURES.flatMap((f) =>
  f.endpoints.map((e) => ({ ...e, pattern: routePattern(e.path) })),
);
