import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';

/**
 * Login limits. Failed sign-ins (wrong password, unknown or disabled user) are counted from
 * the audit log, so the limits hold across processes and restarts with no extra state:
 * - per username: LOCK_AFTER failures within WINDOW since the last success lock the account
 *   until the oldest of them leaves the window;
 * - per IP: IP_LIMIT failures within WINDOW, whatever the usernames, answer 429 likewise.
 * Attempts refused by the lock itself are logged but not counted, so they do not extend it.
 */
export const LOGIN_LIMITS = { windowSeconds: 15 * 60, lockAfter: 5, ipLimit: 20 } as const;

export type Throttle = { blocked: false } | { blocked: 'locked' | 'rate_limited'; retryAfterSeconds: number };

export async function checkLoginThrottle(db: Db, username: string, ip: string | null): Promise<Throttle> {
  const { windowSeconds, lockAfter, ipLimit } = LOGIN_LIMITS;
  const counted = sql`action = 'login.failure' and detail->>'reason' in ('invalid', 'disabled')
    and at > now() - make_interval(secs => ${windowSeconds})`;
  const [user] = await queryRows<{ retry: number | null }>(
    db,
    sql`select ceil(extract(epoch from (at + make_interval(secs => ${windowSeconds}) - now())))::int as retry
      from audit_log where ${counted} and actor = ${username}
        and at > coalesce((select max(at) from audit_log where action = 'login.success' and actor = ${username}), '-infinity')
      order by at desc offset ${lockAfter - 1} limit 1`,
  );
  if (user?.retry) return { blocked: 'locked', retryAfterSeconds: Math.max(1, user.retry) };
  if (!ip) return { blocked: false };
  const [byIp] = await queryRows<{ retry: number | null }>(
    db,
    sql`select ceil(extract(epoch from (at + make_interval(secs => ${windowSeconds}) - now())))::int as retry
      from audit_log where ${counted} and ip = ${ip}
      order by at desc offset ${ipLimit - 1} limit 1`,
  );
  if (byIp?.retry) return { blocked: 'rate_limited', retryAfterSeconds: Math.max(1, byIp.retry) };
  return { blocked: false };
}
