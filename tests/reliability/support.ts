// Shared by the reliability tests: signing in over HTTP, counting answers by status and
// latency, and running `npm run db:check` against a server's database.
import { spawn } from 'node:child_process';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';

let nextIp = 1;

/** Signs in as `username` (a demo login) and returns a Bearer header. Each sign-in from its own test IP. */
export async function bearerFor(baseUrl: string, username: string): Promise<Record<string, string>> {
  const ip = `198.18.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${username} answered ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

/** Answers by status and latencies, per kind of request. */
export class Tally {
  readonly byStatus = new Map<string, number>();
  readonly latencies = new Map<string, number[]>();
  /** Bodies of the first few answers ≥ 500, to say what went wrong. */
  readonly failures: string[] = [];

  async time<T>(kind: string, run: () => Promise<{ status: number; value: T }>): Promise<{ status: number; value: T }> {
    const started = performance.now();
    let status = 0;
    try {
      const out = await run();
      status = out.status;
      return out;
    } catch (error) {
      if (this.failures.length < 10) this.failures.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      const key = `${kind} ${status || 'network-error'}`;
      this.byStatus.set(key, (this.byStatus.get(key) ?? 0) + 1);
      const list = this.latencies.get(kind) ?? [];
      list.push(performance.now() - started);
      this.latencies.set(kind, list);
    }
  }

  total(filter: (kind: string, status: string) => boolean = () => true): number {
    let n = 0;
    for (const [key, count] of this.byStatus) {
      const [kind, status] = key.split(' ');
      if (filter(kind, status)) n += count;
    }
    return n;
  }

  /** The p-th percentile (0..100) of the latencies of the kinds matching `filter`, in ms. */
  percentile(p: number, filter: (kind: string) => boolean = () => true): number {
    const all = [...this.latencies].filter(([k]) => filter(k)).flatMap(([, v]) => v).sort((a, b) => a - b);
    if (all.length === 0) return 0;
    return all[Math.min(all.length - 1, Math.ceil((p / 100) * all.length) - 1)];
  }

  /** `200: 1234, 404: 2` over every kind. */
  statusLine(): string {
    const byCode = new Map<string, number>();
    for (const [key, count] of this.byStatus) {
      const status = key.split(' ')[1];
      byCode.set(status, (byCode.get(status) ?? 0) + count);
    }
    return [...byCode].sort().map(([s, n]) => `${s}: ${n}`).join(', ');
  }
}

/**
 * `npm run db:check` (scripts/db.ts check) on `databaseUrl`: its exit code and output. Run
 * without blocking: a blocked event loop would miss the server closing idle keep-alive sockets,
 * and the next request on one would fail.
 */
export function runDbCheck(databaseUrl: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('./node_modules/.bin/tsx', ['--import', './scripts/server-only-hook.mjs', 'scripts/db.ts', 'check'], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
