// The plans behind the floor: every SQL statement one call of an endpoint's body function sends,
// captured through drizzle's logger and run again as EXPLAIN (ANALYZE, BUFFERS) with the same
// parameters. Printed per scale, so a plan that grows with the number of cities (a scan where an
// index range on kode_kota was meant) shows next to its 1× twin.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Db } from '@/lib/db/client';
import * as schema from '@/lib/db/schema';
import { areaScope } from '@/lib/domain/scope';
import { getCampaign } from '@/lib/queries/campaign';
import { floorArgs, floorCall, KOTA, type Endpoint, type Mix } from './api';

export interface ExplainedQuery {
  /** The statement, whitespace collapsed. */
  sql: string;
  /** Execution time PostgreSQL reports, and the shared buffers the plan touched (hit + read). */
  executionMs: number;
  buffers: number;
  plan: string[];
}

export interface ExplainResult {
  endpoint: Endpoint;
  arg: string;
  /** The first call on a fresh connection (memos empty) or a repeat (what the floor mostly measures). */
  call: 'cold' | 'warm';
  queries: ExplainedQuery[];
}

/** The arguments explained per endpoint: the kota, and for area lists also a kelurahan (SLS children, holders, plans). */
function explainArgs(endpoint: Endpoint, mix: Mix): string[] {
  const args = floorArgs(endpoint, mix);
  if (endpoint === 'officers') return args.slice(0, 2);
  const kelurahan = args.find((c) => c.length === 10);
  return [args[0], ...(kelurahan ? [kelurahan] : [])];
}

function sharedBuffers(plan: string[]): number {
  // The top node's "Buffers:" line sums its children; planning buffers are reported apart.
  const line = plan.find((l) => /^\s*Buffers: shared/.test(l));
  if (!line) return 0;
  return [...line.matchAll(/(hit|read|dirtied|written)=(\d+)/g)].filter((m) => m[1] === 'hit' || m[1] === 'read').reduce((s, m) => s + Number(m[2]), 0);
}

/** Runs each endpoint once per argument on a logging connection, then EXPLAINs what it sent. */
export async function explainEndpoints(url: string, endpoints: readonly Endpoint[], mix: Mix): Promise<ExplainResult[]> {
  const client = postgres(url, { max: 1, onnotice: () => {}, prepare: false, connection: { jit: 'off' } }); // as the app's connections (lib/db/client.ts)
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } }) as unknown as Db;
  const out: ExplainResult[] = [];
  const explainCaptured = async (): Promise<ExplainedQuery[]> => {
    const queries: ExplainedQuery[] = [];
    for (const { query, params } of captured.splice(0)) {
      // A read-only transaction's `set local` (officer facts: no nested loops, no JIT) holds for the
      // statements after it: applied to the session here, reset after the call.
      const local = /^\s*set local (\w+)\s*=\s*(\w+)\s*$/i.exec(query);
      if (local) await client.unsafe(`set ${local[1]} = ${local[2]}`);
      if (!/^\s*(select|with)\b/i.test(query)) {
        queries.push({ sql: query.trim(), executionMs: 0, buffers: 0, plan: ['(not a read: not explained)'] });
        continue;
      }
      const rows = await client.unsafe(`explain (analyze, buffers) ${query}`, params as never[]);
      const plan = rows.map((r) => String(r['QUERY PLAN']));
      const exec = plan.find((l) => l.startsWith('Execution Time'));
      queries.push({ sql: query.replace(/\s+/g, ' ').trim(), executionMs: exec ? Number(/([\d.]+) ms/.exec(exec)?.[1]) : 0, buffers: sharedBuffers(plan), plan });
    }
    await client.unsafe('reset all');
    return queries;
  };
  try {
    const scope = areaScope(KOTA);
    const campaign = await getCampaign(db, scope);
    if (!campaign) throw new Error('no campaign for the demo city');
    for (const endpoint of endpoints) {
      for (const arg of explainArgs(endpoint, mix)) {
        captured.length = 0;
        await floorCall(db, scope, campaign, endpoint, arg);
        // The officers page memoises per data stamp: its cold call is the one that reads the tables.
        if (endpoint === 'officers') out.push({ endpoint, arg, call: 'cold', queries: await explainCaptured() });
        captured.length = 0;
        await floorCall(db, scope, campaign, endpoint, arg);
        out.push({ endpoint, arg, call: 'warm', queries: await explainCaptured() });
      }
    }
  } finally {
    await client.end();
  }
  return out;
}

/** Prints the plans of one scale: per statement its time and buffers, then the plan. */
export function printExplain(scale: number, results: ExplainResult[]): void {
  for (const r of results) {
    const total = r.queries.reduce((s, q) => s + q.executionMs, 0);
    console.log(`\n[${scale}×] EXPLAIN ${r.endpoint} ${r.arg} (${r.call}): ${r.queries.length} statement(s), ${total.toFixed(1)} ms executing`);
    for (const [i, q] of r.queries.entries()) {
      console.log(`  #${i + 1} ${q.executionMs.toFixed(2)} ms, ${q.buffers} buffers — ${q.sql.slice(0, 160)}${q.sql.length > 160 ? ' …' : ''}`);
      for (const line of q.plan) console.log(`     ${line}`);
    }
  }
}
