// The methods of every /api/v1 route, derived from the route manifest (lib/api/routes): what a
// route file's 405 answers name in Allow. tests/unit/route-manifest.test.ts pairs the manifest
// with the route files under app/api.
import { API_OPERATIONS } from './routes';

export const API_METHODS: Record<string, readonly string[]> = {};
for (const op of API_OPERATIONS) API_METHODS[op.pattern] = [...(API_METHODS[op.pattern] ?? []), op.method.toUpperCase()];

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
