// GET /api/v1/health — liveness: no auth, no database, a constant body. The bench's floor.
export const dynamic = 'force-static';

const BODY = JSON.stringify({ status: 'ok' });

export function GET(): Response {
  return new Response(BODY, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}
