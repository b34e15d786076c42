// Areas and prelist targets (and a new kab/kota's campaign) → area, campaign, rollups. Existing
// areas are updated, never removed; a prelist never drops below what was already reported.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import { bulkInsert } from '@/lib/db/bulk';
import { rebuildRollups } from '@/lib/db/rollup';
import { codeAtLevel, levelOfCode, lineageCodes, parentCode } from '@/lib/domain/area-code';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from './actor';
import { normaliseZone, screenAreaRows, subslsName, type AreaRow } from './area-rows';
import type { Counts } from './import-job';
import type { FieldError, RowRejection } from './reasons';

interface StoredArea {
  code: string;
  name: string;
  kemendagri_code: string | null;
  prelist: number;
}

interface StoredCampaign {
  name: string;
  start_date: string;
  end_date: string;
  grace_days: number;
  timezone: string;
}

interface NewArea {
  code: string;
  name: string;
  kemendagriCode: string | null;
  prelist: number;
}

export interface MasterOutcome extends Counts {
  rejections: RowRejection[];
}

async function loadState(tx: Db, kodeKota: string, codes: string[]) {
  const [campaign] = await queryRows<StoredCampaign>(
    tx,
    sql`select name, start_date::text, end_date::text, grace_days, timezone from campaign where kode_kota = ${kodeKota}`,
  );
  const areas = await queryRows<StoredArea>(
    tx,
    sql`select code, name, kemendagri_code, prelist from area where kode_kota = ${kodeKota} and code = any(${arrayParam(codes)}::text[])`,
  );
  return { campaign: campaign ?? null, areas: new Map(areas.map((a) => [a.code, a])) };
}

/** The campaign the kota row asks for, or the errors that stop it; null when it changes nothing. */
async function planCampaign(tx: Db, kodeKota: string, stored: StoredCampaign | null, row: AreaRow | undefined) {
  const a = row?.record;
  if (!a) return { errors: [] as FieldError[], next: null };
  const next: StoredCampaign = {
    name: a.campaignName ?? stored?.name ?? a.name,
    start_date: a.startDate ?? stored?.start_date ?? '',
    end_date: a.endDate ?? stored?.end_date ?? '',
    grace_days: a.graceDays ?? stored?.grace_days ?? 6,
    timezone: a.timezone ? normaliseZone(a.timezone)! : (stored?.timezone ?? 'Asia/Makassar'),
  };
  if (!next.start_date || !next.end_date) return { errors: [{ field: 'tanggal_mulai', code: 'campaign_dates_required' } as FieldError], next: null };
  if (next.end_date < next.start_date) {
    return { errors: [{ field: 'tanggal_selesai', code: 'campaign_window_order', params: { start: next.start_date, end: next.end_date } } as FieldError], next: null };
  }
  if (stored && JSON.stringify(next) === JSON.stringify(stored)) return { errors: [], next: null };
  const [span] = await queryRows<{ first: string | null; last: string | null }>(
    tx,
    sql`select min(tanggal)::text as first, max(tanggal)::text as last from report where kode_kota = ${kodeKota}`,
  );
  if (span.first && (span.first < next.start_date || span.last! > addDays(next.end_date, next.grace_days))) {
    return { errors: [{ field: 'tanggal_mulai', code: 'campaign_window_reports', params: { first: span.first, last: span.last! } } as FieldError], next: null };
  }
  return { errors: [], next };
}

/** What each sub-SLS already reported needs: prelist ≥ max(sum of outcomes − keluarga baru). */
async function prelistNeeds(tx: Db, kodeKota: string, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<{ code: string; need: number }>(
    tx,
    sql`select kode_subsls as code, max(selesai + menolak + tidak_ditemui + tidak_ditemukan - keluarga_baru)::int as need
    from report where kode_kota = ${kodeKota} and kode_subsls = any(${arrayParam(codes)}::text[]) group by 1`,
  );
  return new Map(rows.map((r) => [r.code, r.need]));
}

function stored(area: NewArea): StoredArea {
  return { code: area.code, name: area.name, kemendagri_code: area.kemendagriCode, prelist: area.prelist };
}

/** Loads an areas file as `actor` (a city-wide scope). Runs inside the caller's locked transaction. */
export async function applyAreas(tx: Db, actor: Actor, input: AreaRow[]): Promise<MasterOutcome> {
  const kodeKota = actor.scope.kodeKota;
  const out: MasterOutcome = { accepted: 0, replaced: 0, unchanged: 0, rejections: [] };
  const reject = (row: AreaRow, errors: FieldError[]) => out.rejections.push({ index: row.index, line: row.line, values: row.values, errors });
  const { rows, repeats } = screenAreaRows(input, kodeKota, out.rejections);
  out.unchanged += repeats;
  const codes = [...new Set(rows.flatMap((r) => lineageCodes(r.record.code)))];
  const state = await loadState(tx, kodeKota, codes);
  const kotaRow = rows.find((r) => levelOfCode(r.record.code) === 'kota');
  const campaign = await planCampaign(tx, kodeKota, state.campaign, kotaRow);
  if (!state.campaign && (!kotaRow || campaign.errors.length)) {
    for (const row of rows) reject(row, row === kotaRow ? campaign.errors : [{ field: 'kode_wilayah', code: 'no_campaign', params: { value: kodeKota } }]);
    return finish(out);
  }
  const needs = await prelistNeeds(tx, kodeKota, rows.filter((r) => levelOfCode(r.record.code) === 'subsls' && state.areas.has(r.record.code)).map((r) => r.record.code));
  const known = new Map(state.areas);
  const writes: NewArea[] = [];
  for (const row of rows) {
    const a = row.record;
    const level = levelOfCode(a.code);
    const parent = parentCode(a.code);
    const errors: FieldError[] = row === kotaRow ? [...campaign.errors] : [];
    if (parent && !known.has(parent)) {
      const grand = parentCode(parent);
      // A sub-SLS row carries its SLS name: the SLS is created with it when missing.
      if (level === 'subsls' && grand && known.has(grand)) writes.push(remember(known, { code: parent, name: a.name, kemendagriCode: null, prelist: 0 }));
      else errors.push({ field: 'kode_wilayah', code: 'parent_missing', params: { value: parent } });
    }
    const need = needs.get(a.code) ?? 0;
    if (level === 'subsls' && a.prelist! < need) errors.push({ field: 'prelist', code: 'prelist_below_reports', params: { value: a.prelist!, needed: need } });
    if (errors.length) {
      reject(row, errors);
      continue;
    }
    const next: NewArea = { code: a.code, name: level === 'subsls' ? subslsName(a.name, a.code) : a.name, kemendagriCode: a.kemendagriCode, prelist: a.prelist ?? 0 };
    const before = known.get(a.code);
    const campaignChange = row === kotaRow && campaign.next !== null;
    if (before && JSON.stringify(stored(next)) === JSON.stringify(before) && !campaignChange) out.unchanged++;
    else {
      if (before) out.replaced++;
      else out.accepted++;
      writes.push(remember(known, next));
    }
  }
  await write(tx, kodeKota, writes, campaign.next, state.areas);
  return finish(out);
}

function remember(known: Map<string, StoredArea>, area: NewArea): NewArea {
  known.set(area.code, stored(area));
  return area;
}

function finish(out: MasterOutcome): MasterOutcome {
  out.rejections.sort((a, b) => a.index - b.index);
  return out;
}

async function write(tx: Db, kodeKota: string, writes: NewArea[], campaign: StoredCampaign | null, before: Map<string, StoredArea>) {
  if (campaign) {
    await tx.execute(sql`insert into campaign (kode_kota, name, start_date, end_date, grace_days, timezone)
      values (${kodeKota}, ${campaign.name}, ${campaign.start_date}, ${campaign.end_date}, ${campaign.grace_days}, ${campaign.timezone})
      on conflict (kode_kota) do update set name = excluded.name, start_date = excluded.start_date,
        end_date = excluded.end_date, grace_days = excluded.grace_days, timezone = excluded.timezone`);
  }
  if (writes.length) {
    writes.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    await bulkInsert(
      tx,
      'area',
      [
        ['code', 'text', writes.map((w) => w.code)],
        ['kode_kota', 'text', writes.map(() => kodeKota)],
        ['level', 'text', writes.map((w) => levelOfCode(w.code))],
        ['parent_code', 'text', writes.map((w) => parentCode(w.code))],
        ['name', 'text', writes.map((w) => w.name)],
        ['kemendagri_code', 'text', writes.map((w) => w.kemendagriCode)],
        ['prelist', 'int4', writes.map((w) => w.prelist)],
      ],
      sql`on conflict (code, kode_kota) do update set name = excluded.name, kemendagri_code = excluded.kemendagri_code, prelist = excluded.prelist`,
    );
  }
  if (campaign) {
    // The window moved or is new: every rollup row of the kota is rebuilt for the new dates.
    await rebuildRollups(tx, kodeKota, 'all');
    return;
  }
  const kel = writes.filter((w) => levelOfCode(w.code) === 'subsls' && before.get(w.code)?.prelist !== w.prelist).map((w) => codeAtLevel(w.code, 'kelurahan'));
  await rebuildRollups(tx, kodeKota, [...new Set(kel)]);
}
