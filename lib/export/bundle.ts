import { zipSync } from 'fflate';
import type { Locale } from '@/lib/i18n/config';
import { resolveAsOf } from '@/lib/domain/as-of';
import type { Data } from '@/lib/server/data';
import { buildAreaExport, type ExportFile } from './area-export';

/**
 * One ZIP with the PDF daily report of every kelurahan under `code` in the viewer's scope,
 * to send each lurah their own (a kelurahan or smaller area: its own report alone).
 * Null when the area is not visible.
 */
export async function buildKelurahanBundle(
  data: Data,
  req: { code: string; asOf?: string; locale: Locale },
): Promise<ExportFile | null> {
  const [campaign, area] = await Promise.all([data.getCampaign(), data.getArea(req.code)]);
  if (!campaign || !area) return null;
  const asOf = resolveAsOf(campaign, req.asOf);
  const kelurahan = req.code.length >= 10
    ? [{ code: req.code }]
    : await data.listAreaChildren({ code: req.code, level: 'kelurahan', asOf, window: campaign });
  const files: Record<string, Uint8Array> = {};
  for (const k of kelurahan) {
    const pdf = await buildAreaExport(data, { code: k.code, format: 'pdf', asOf, locale: req.locale });
    if (pdf) files[pdf.filename] = [new Uint8Array(pdf.body as Buffer), { level: 0 }] as unknown as Uint8Array;
  }
  if (Object.keys(files).length === 0) return null;
  return {
    body: Buffer.from(zipSync(files)),
    contentType: 'application/zip',
    filename: `pantau-${req.code}-kelurahan-${asOf}.zip`,
  };
}
