import { bigserial, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Who did what, when and from where: logins, imports, exports, report submissions, user and token changes. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The kab/kota the action concerns; null for actions before a user is known (failed logins). */
    kodeKota: varchar('kode_kota', { length: 4 }),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail').notNull().default({}),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.kodeKota, t.at), index('audit_log_action_idx').on(t.action, t.at)],
);
