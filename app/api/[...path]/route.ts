import { apiNotFound } from '@/lib/api/route';

export const dynamic = 'force-dynamic';

// Any /api path no route matches (Next prefers every specific route over this catch-all): a JSON
// 404 in the request's language instead of the HTML not-found page, without a proxy on /api/.
export { apiNotFound as GET, apiNotFound as HEAD, apiNotFound as POST, apiNotFound as PUT, apiNotFound as PATCH, apiNotFound as DELETE, apiNotFound as OPTIONS };
