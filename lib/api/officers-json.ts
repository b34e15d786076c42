// Officer rows as the API sends them: flags with their sentence in the request's language.
import { levelOfCode } from '@/lib/domain/area-code';
import type { Locale } from '@/lib/i18n/config';
import type { Campaign } from '@/lib/queries/campaign';
import type { Data } from '@/lib/server/data';
import type { OfficerDetail, OfficerPage, OfficerRow } from '@/lib/queries/officers';
import type { OfficerDetailJson, OfficerPageJson, OfficerRowJson, OfficersQuery } from './officers-schemas';

export function officerRowJson(row: OfficerRow, locale: Locale): OfficerRowJson {
  return { ...row, flags: row.flags.map((f) => ({ id: f.id, message: f.message[locale] })) };
}

export function officerPageJson(page: OfficerPage, locale: Locale): OfficerPageJson {
  return { ...page, rows: page.rows.map((r) => officerRowJson(r, locale)) };
}

export function officerDetailJson(d: OfficerDetail, locale: Locale): OfficerDetailJson {
  const row = (r: OfficerRow) => officerRowJson(r, locale);
  return {
    officer: row(d.officer),
    supervisor: d.supervisor && row(d.supervisor),
    team: d.team.map(row),
    teamTotals: d.teamTotals && row(d.teamTotals),
    daily: d.daily,
    subsls: d.subsls,
  };
}

/**
 * A page of the list for a parsed query, as the API sends it; `area` (kab/kota, kecamatan or
 * kelurahan) must be visible in the scope, else null (a 404 for the API).
 */
export async function officerPageFor(
  data: Data,
  params: { query: OfficersQuery; campaign: Campaign; asOf: string; locale: Locale },
): Promise<OfficerPageJson | null> {
  const { query, campaign, asOf, locale } = params;
  const { area, ...rest } = query;
  // The kab/kota too goes through the scope: for a lurah, camat, PML or PPL it is an area they
  // cannot open, so it answers 404 like /areas/{code} does (not their own officers as the city's).
  if (area && !(await data.getArea(area))) return null;
  const page = await data.listOfficers({
    ...rest,
    asOf,
    window: campaign,
    kecamatan: area && levelOfCode(area) === 'kecamatan' ? area : undefined,
    kelurahan: area && levelOfCode(area) === 'kelurahan' ? area : undefined,
  });
  return officerPageJson(page, locale);
}
