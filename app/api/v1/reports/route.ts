import { apiRoute } from '@/lib/api/handler';
import { submitQuerySchema } from '@/lib/ingest/api-schemas';
import { answering, presentCorrection, readJsonBody, requestIp } from '@/lib/ingest/http';
import { describeRejections } from '@/lib/ingest/reasons';
import { submitReports } from '@/lib/ingest/submit-reports';

export const dynamic = 'force-dynamic';

/** 5,000 reports of ~300 bytes each, with room to spare. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * POST /api/v1/reports — a JSON array of up to 5,000 daily reports. Answers the counts of
 * accepted, replaced, unchanged and rejected rows, each rejection with its index, field and
 * reason, and the accepted rows whose counts fell below the previous date's (corrections).
 */
export const POST = apiRoute({ query: submitQuerySchema }, async ({ req, db, viewer, locale, query }) =>
  answering(async () => {
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    const result = await submitReports(db, viewer, body, { source: query.source, ip: requestIp(req) });
    return {
      importId: result.importId,
      accepted: result.accepted,
      replaced: result.replaced,
      unchanged: result.unchanged,
      rejected: result.rejections.length,
      rejections: describeRejections(result.rejections, locale),
      corrections: result.corrections.map(presentCorrection),
    };
  }),
);
