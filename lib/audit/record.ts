import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { storableJson } from '@/lib/db/jsonb';

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'logout'
  | 'import'
  | 'export'
  | 'report.submit'
  | 'followup.record'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.password_reset'
  | 'token.create'
  | 'token.revoke';

export interface AuditEntry {
  kodeKota: string | null;
  actor: string;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one entry to the audit log; call it inside the transaction of the action it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.execute(sql`insert into audit_log (kode_kota, actor, action, target, detail, ip)
    values (${entry.kodeKota}, ${entry.actor}, ${entry.action}, ${entry.target ?? null},
      ${storableJson(entry.detail ?? {})}::jsonb, ${entry.ip ?? null})`);
}
