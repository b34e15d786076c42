import { NextResponse } from 'next/server';
import { invalidInput } from '@/lib/api/handler';
import { submissionHeadersSchema } from '@/lib/ingest/api-schemas';
import { answering, presentCorrection, readJsonBody, requestIp } from '@/lib/ingest/http';
import { describeRejections } from '@/lib/ingest/reasons';
import { implement } from '@/lib/api/route';
import { ingestApi } from '@/lib/api/routes/ingest';

export const dynamic = 'force-dynamic';

/** 5,000 reports of ~300 bytes each, with room to spare. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * POST /api/v1/reports — a JSON array of up to 5,000 daily reports. Answers the counts of
 * accepted, replaced, unchanged and rejected rows, each rejection with its index, field and
 * reason, and the accepted rows whose counts fell below the previous date's (corrections).
 * An Idempotency-Key header makes a retry safe: the same key and body answer the first result
 * again (with Idempotent-Replayed: true) and write nothing.
 */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = implement(ingestApi, '/api/v1/reports', { POST: async ({ req, data, locale, query }) =>
  answering(async () => {
    const rawHeaders = { 'idempotency-key': req.headers.get('idempotency-key') ?? undefined };
    const headers = submissionHeadersSchema.safeParse(rawHeaders);
    if (!headers.success) throw invalidInput(submissionHeadersSchema, rawHeaders, locale, 'header');
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    const submissionId = headers.data['idempotency-key'];
    const result = await data.submitReports(body, { source: query.source, ip: requestIp(req), submissionId });
    const answer = {
      importId: result.importId,
      accepted: result.accepted,
      replaced: result.replaced,
      unchanged: result.unchanged,
      rejected: result.rejections.length,
      rejections: describeRejections(result.rejections, locale),
      corrections: result.corrections.map(presentCorrection),
    };
    return result.replayed ? NextResponse.json(answer, { headers: { 'Idempotent-Replayed': 'true' } }) : answer;
  }),
});
