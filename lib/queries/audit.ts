import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { isoTime } from './iso-time';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface ListAuditParams {
  /** An action, or a family of them: 'login' matches login.success and login.failure. */
  action?: string;
  /** Part of the actor's username or the target. */
  q?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Audit entries of the scope's kab/kota, newest first. Entries with no kab/kota (failed
 * logins of unknown usernames) belong to no kab/kota and are not listed.
 */
export async function listAuditLog(db: Db, scope: Scope, params: ListAuditParams): Promise<{ rows: AuditRow[]; total: number }> {
  const like = params.q ? '%' + params.q.trim().toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%' : null;
  // Dates are the kab/kota's local dates.
  const zone = sql`coalesce((select c.timezone from campaign c where c.kode_kota = ${scope.kodeKota}), 'UTC')`;
  const where = sql`kode_kota = ${scope.kodeKota}
    ${params.action ? sql`and (action = ${params.action} or action like ${params.action + '.%'})` : sql``}
    ${like ? sql`and (lower(actor) like ${like} or lower(coalesce(target, '')) like ${like})` : sql``}
    ${params.from ? sql`and at >= (${params.from}::date)::timestamp at time zone ${zone}` : sql``}
    ${params.to ? sql`and at < (${params.to}::date + 1)::timestamp at time zone ${zone}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    queryRows<{ id: number; at: string; actor: string; action: string; target: string | null; detail: Record<string, unknown> | string; ip: string | null }>(
      db,
      sql`select id::int as id, ${isoTime(sql`at`)} as at, actor, action, target, detail, ip
      from audit_log where ${where} order by at desc, id desc
      limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where ${where}`),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail })),
    total: count.n,
  };
}
