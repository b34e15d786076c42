// GET /api/v1/health — liveness: no auth, no database, a constant body. The bench's floor.
import { implement } from '@/lib/api/route';
import { sessionApi } from '@/lib/api/routes/session';

export const dynamic = 'force-static';

const BODY = JSON.stringify({ status: 'ok' });

export function GET(): Response {
  return new Response(BODY, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

// GET itself above, bare; every other method answers a JSON 405 (declared in lib/api/routes/session.ts).
export const { HEAD, POST, PUT, PATCH, DELETE } = implement(sessionApi, '/api/v1/health', { GET });
