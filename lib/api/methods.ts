// The method of every /api/v1 route handler, for the proxy: Next answers a method a route does
// not export with an empty 405, and a path no route matches with the HTML not-found page; an API
// client gets JSON instead. tests/integration/hostile-input.test.ts checks this table against
// the route handlers found under app/api/v1, so a new route or method fails until listed here.
// Kept free of imports: the proxy is bundled on its own.

export const API_METHODS: Record<string, readonly string[]> = {
  '/api/v1/areas/[code]': ['GET'],
  '/api/v1/areas/[code]/card.png': ['GET'],
  '/api/v1/areas/[code]/children': ['GET'],
  '/api/v1/areas/[code]/daily': ['GET'],
  '/api/v1/areas/[code]/followups': ['GET'],
  '/api/v1/areas/[code]/geo': ['GET'],
  '/api/v1/archive/[date]/[file]': ['GET'],
  '/api/v1/areas/[code]/prelist-drift': ['GET'],
  '/api/v1/areas/[code]/refusals': ['GET'],
  '/api/v1/assignments': ['GET'],
  '/api/v1/changes': ['GET'],
  '/api/v1/exports/[file]': ['GET'],
  '/api/v1/followups': ['POST'],
  '/api/v1/health': ['GET'],
  '/api/v1/exports/bundle/[file]': ['GET'],
  '/api/v1/exports/officers/[file]': ['GET'],
  '/api/v1/imports': ['GET', 'POST'],
  '/api/v1/imports/[id]': ['GET'],
  '/api/v1/imports/[id]/rejections.csv': ['GET'],
  '/api/v1/imports/[id]/rejections.xlsx': ['GET'],
  '/api/v1/imports/templates/[file]': ['GET'],
  '/api/v1/officers': ['GET'],
  '/api/v1/officers/[code]': ['GET'],
  '/api/v1/openapi.json': ['GET'],
  '/api/v1/reports': ['POST'],
  '/api/v1/search': ['GET'],
  '/api/v1/session': ['GET', 'POST', 'DELETE'],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|\\]/g, '\\$&');

/** Static segments win over a [param] (exports/bundle/… is not exports/[file]), as in Next. */
const MATCHERS = Object.entries(API_METHODS)
  .map(([pattern, methods]) => ({
    methods,
    dynamic: (pattern.match(/\[/g) ?? []).length,
    re: new RegExp('^' + pattern.split(/(\[[^\]]+\])/).map((part) => (part.startsWith('[') ? '[^/]+' : escape(part))).join('') + '/?$'),
  }))
  .sort((a, b) => a.dynamic - b.dynamic);

/** The methods the path answers (HEAD and OPTIONS come with GET), or null when no route matches. */
export function allowedMethods(pathname: string): string[] | null {
  const hit = MATCHERS.find((m) => m.re.test(pathname));
  if (!hit) return null;
  return hit.methods.includes('GET') ? [...hit.methods, 'HEAD', 'OPTIONS'] : [...hit.methods, 'OPTIONS'];
}
