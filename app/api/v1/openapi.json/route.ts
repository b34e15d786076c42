import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/api/openapi/features';

// The document describes the API and holds no data: it needs no session.
let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1. */
export function GET() {
  document ??= openApiDocument();
  return NextResponse.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
