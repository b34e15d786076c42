import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi/document';
import { implement } from '@/lib/api/route';
import { sessionApi } from '@/lib/api/routes/session';

// The document describes the API and holds no data: it needs no session.
let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1. */
export function GET(): Response {
  document ??= openApiDocument();
  return NextResponse.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
}

// GET itself above, bare (no auth, no parsing); every other method answers a JSON 405.
export const { HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(sessionApi, '/api/v1/openapi.json', { GET });
