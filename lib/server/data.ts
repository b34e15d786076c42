// The one way server code reaches the database: `dataFor(viewer)` gives a request the read and
// write functions of lib/queries (and the account writes of lib/auth) with the database, the
// viewer's Scope and, where a function needs it, the viewer's identity already applied. Callers
// never hold `db` and cannot pass another scope: no query runs without the viewer's Scope.
// Modelled on openstatus's ServiceContext. Cheap per request: one small object, each function
// bound on first use, the database resolved once.
import 'server-only';
import { getAreaViewBody } from '@/lib/api/area-bodies';
import { cachedBody } from '@/lib/api/body-cache';
import { recordExport } from '@/lib/api/file-response';
import { officerPageFor } from '@/lib/api/officers-json';
import { createUser, resetUserPassword, setUserAccess, setUserDisabled } from '@/lib/auth/users';
import { issueApiToken, revokeApiToken } from '@/lib/auth/tokens';
import type { AreaViewData } from '@/lib/api/area-view';
import type { OfficerPageJson, OfficersQuery } from '@/lib/api/officers-schemas';
import type { Db } from '@/lib/db/client';
import type { AreaLevel } from '@/lib/domain/types';
import type { Locale } from '@/lib/i18n/config';
import type { Campaign } from '@/lib/queries/campaign';
import type { Viewer } from '@/lib/domain/roles';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { listApiTokens } from '@/lib/queries/api-tokens';
import { getArchiveFile, getArchiveTime, listArchiveDays } from '@/lib/queries/archive';
import { getAreaChildren, getAreaWithBreadcrumb } from '@/lib/queries/area-bundles';
import { listAreaDaily } from '@/lib/queries/area-daily';
import { listAreaHolders } from '@/lib/queries/area-holders';
import { listAreaOfficers } from '@/lib/queries/area-officers';
import { getAreaView } from '@/lib/queries/area-view';
import { getArea, getAreaSummary, listAreaChildren, listAreaOptions, listBreadcrumb, searchAreas } from '@/lib/queries/areas';
import { getAttention, listSilentInArea } from '@/lib/queries/attention';
import { listAuditLog } from '@/lib/queries/audit';
import { listBoundaries } from '@/lib/queries/boundaries';
import { getCampaign } from '@/lib/queries/campaign';
import { getChangeToken } from '@/lib/queries/changes';
import { getFollowupList } from '@/lib/queries/followup-list';
import { getFollowupLog } from '@/lib/queries/followup-log';
import { getFollowup, getSlsOpenCases, listFollowups, listFollowupVersions } from '@/lib/queries/followups';
import { getAreaGeo, listBoundaries as listBoundaryGeometries } from '@/lib/queries/geo';
import { getImport, listImportRejections, listImports } from '@/lib/queries/imports';
import { getOfficer, listOfficerFilterOptions, listOfficers, listSilentOfficers } from '@/lib/queries/officers';
import { listPplPlans } from '@/lib/queries/ppl-plan';
import { listPrelistDrift } from '@/lib/queries/prelist-drift';
import { getRefusalOverview, listSubslsRefusals } from '@/lib/queries/refusals';
import { getReportablePpl, listAssignedSubsls, listReportablePpl } from '@/lib/queries/report-form';
import { getDayReporting, listDayReporting } from '@/lib/queries/reporting';
import { listRootOptions } from '@/lib/queries/root-options';
import { getUser, listRootAreas, listUsers } from '@/lib/queries/users';
import type { settleInterruptedImports } from '@/lib/ingest/import-job';
import type { recordFollowup } from '@/lib/ingest/record-followup';
import type { submitReports } from '@/lib/ingest/submit-reports';
import type { importUpload } from '@/lib/ingest/upload';
import { noteChange } from '@/lib/db/data-feed';
import { getDb } from './database';
import { usesWriteThread } from './write-thread-mode';

/** Functions shaped `f(db, scope, ...rest)`: bound to the request's database and the viewer's Scope. */
const SCOPED = {
  cachedBody,
  getArchiveFile,
  getArchiveTime,
  getArea,
  getAreaChildren,
  getAreaGeo,
  getAreaSummary,
  getAreaView,
  getAreaWithBreadcrumb,
  getAttention,
  getCampaign,
  getChangeToken,
  getDayReporting,
  getFollowup,
  getFollowupList,
  getFollowupLog,
  getOfficer,
  getRefusalOverview,
  getReportablePpl,
  getSlsOpenCases,
  getUser,
  listApiTokens,
  listArchiveDays,
  listAreaChildren,
  listAreaDaily,
  listAreaHolders,
  listAreaOfficers,
  listAreaOptions,
  listAssignedSubsls,
  listAuditLog,
  listBoundaries,
  listBoundaryGeometries,
  listBreadcrumb,
  listDayReporting,
  listFollowups,
  listFollowupVersions,
  listOfficerFilterOptions,
  listOfficers,
  listPplPlans,
  listPrelistDrift,
  listReportablePpl,
  listRootAreas,
  listRootOptions,
  listSilentInArea,
  listSilentOfficers,
  listSubslsRefusals,
  listUsers,
  searchAreas,
};

/** Functions shaped `f(db, scope, actor, ...rest)`: also bound to the viewer as the actor of the audit log. */
const AS_ACTOR = { createUser, issueApiToken, recordExport, resetUserPassword, revokeApiToken, setUserAccess, setUserDisabled };

/**
 * The ingest writes, shaped `f(db, viewer, ...rest)`: each runs its own transaction on the
 * database and checks the viewer's role and Scope itself (lib/ingest). Loaded on first use:
 * the parsers (CSV, XLSX) stay out of the pages that only read.
 */
const AS_VIEWER = {
  importUpload: () => import('@/lib/ingest/upload').then((m) => m.importUpload),
  recordFollowup: () => import('@/lib/ingest/record-followup').then((m) => m.recordFollowup),
};
type AsViewer = { importUpload: typeof importUpload; recordFollowup: typeof recordFollowup; submitReports: typeof submitReports };

/**
 * Work of the process, not of the viewer, shaped `f(db)`: settling the imports an earlier
 * process left running before a list of imports is read.
 */
const PROCESS = { settleInterruptedImports: () => import('@/lib/ingest/import-job').then((m) => m.settleInterruptedImports) };
type Process = { settleInterruptedImports: typeof settleInterruptedImports };

/** Functions shaped `f(data, ...rest)`: built from the other functions of the same request's Data. */
const OWN = { getAreaViewBody, officerPageFor };

/** OWN as a request's Data has them, written out: derived from their signatures (which take Data) the type would be circular. */
type OwnFns = {
  readonly getAreaViewBody: (campaign: Campaign, params: { code: string; asOf: string; level: AreaLevel | null }) => Promise<AreaViewData | null>;
  readonly officerPageFor: (params: { query: OfficersQuery; campaign: Campaign; asOf: string; locale: Locale }) => Promise<OfficerPageJson | null>;
};

/** Functions shaped `f(db, scope, { username, ...rest })`: the viewer's own username, never a caller's. */
const AS_USER = { getImport, listImportRejections, listImports };

type Rest<F, Skip extends unknown[]> = F extends (...args: [...Skip, ...infer R]) => infer T ? (...args: R) => T : never;
type WithoutUser<F> = F extends (db: Db, scope: Scope, params: infer P) => infer T ? (params: Omit<P, 'username'>) => T : never;

/** The request's data access: every function of lib/queries a caller may use, the Scope applied. */
export type Data = { readonly viewer: Viewer } & { readonly [K in keyof typeof SCOPED]: Rest<(typeof SCOPED)[K], [Db, Scope]> } & {
  readonly [K in keyof typeof AS_ACTOR]: Rest<(typeof AS_ACTOR)[K], [Db, Scope, Actor]>;
} & { readonly [K in keyof typeof AS_USER]: WithoutUser<(typeof AS_USER)[K]> } & {
  readonly [K in keyof AsViewer]: Rest<AsViewer[K], [Db, Viewer]>;
} & { readonly [K in keyof Process]: Rest<Process[K], [Db]> } & OwnFns;

type Actor = { username: string; ip: string | null };

class RequestData {
  readonly #open: () => Promise<Db>;
  #db: Promise<Db> | undefined;
  readonly #ip: string | null;
  readonly #writeThread: boolean;
  constructor(
    open: () => Promise<Db>,
    readonly viewer: Viewer,
    ip: string | null,
    writeThread = false,
  ) {
    this.#open = open;
    this.#ip = ip;
    this.#writeThread = writeThread;
  }
  /** Whether report writes go to the server's write thread (lib/server/write-thread.ts). */
  static writeThread(data: RequestData): boolean {
    return data.#writeThread;
  }
  static db(data: RequestData): Promise<Db> {
    data.#db ??= data.#open();
    return data.#db;
  }
  static actor(data: RequestData): Actor {
    return { username: data.viewer.username, ip: data.#ip };
  }
}

type AnyFn = (...args: unknown[]) => unknown;
/**
 * Each function is made on first use in a request and kept on that request's object, bound to it:
 * `const { getArea } = data` works, and a request pays only for the functions it calls.
 */
function define(name: string, call: (data: RequestData, args: unknown[]) => Promise<unknown>) {
  Object.defineProperty(RequestData.prototype, name, {
    get(this: RequestData) {
      const bound = (...args: unknown[]) => call(this, args);
      Object.defineProperty(this, name, { value: bound });
      return bound;
    },
  });
}
for (const [name, fn] of Object.entries(SCOPED) as [string, AnyFn][]) {
  define(name, async (data, args) => fn(await RequestData.db(data), data.viewer.scope, ...args));
}
for (const [name, fn] of Object.entries(AS_ACTOR) as [string, AnyFn][]) {
  define(name, async (data, args) => fn(await RequestData.db(data), data.viewer.scope, RequestData.actor(data), ...args));
}
for (const [name, fn] of Object.entries(AS_USER) as [string, AnyFn][]) {
  define(name, async (data, [params]) => fn(await RequestData.db(data), data.viewer.scope, { ...(params as object), username: data.viewer.username }));
}

for (const [name, load] of Object.entries(AS_VIEWER) as [string, () => Promise<AnyFn>][]) {
  define(name, async (data, args) => (await load())(await RequestData.db(data), data.viewer, ...args));
}
/**
 * Report writes: on the app server with PostgreSQL, on its write thread (lib/server/write-thread.ts)
 * — the same function, viewer and database — and this process's data feed moves once it answers,
 * so the writer's next read sees the write; elsewhere (PGlite, tests, scripts) in this thread.
 */
define('submitReports', async (data, [body, opts]) => {
  const db = await RequestData.db(data);
  if (RequestData.writeThread(data)) {
    const { submitReportsOnThread } = await import('./write-thread');
    try {
      const result = await submitReportsOnThread(data.viewer, body, opts as Parameters<typeof submitReportsOnThread>[2]);
      if (result) return result;
      // A body the thread cannot be sent (nested too deep to copy): written here instead.
    } finally {
      noteChange(db, data.viewer.scope.kodeKota);
    }
  }
  const { submitReports } = await import('@/lib/ingest/submit-reports');
  return submitReports(db, data.viewer, body, opts as Parameters<typeof submitReports>[3]);
});
for (const [name, load] of Object.entries(PROCESS) as [string, () => Promise<AnyFn>][]) {
  define(name, async (data, args) => (await load())(await RequestData.db(data), ...args));
}
for (const [name, fn] of Object.entries(OWN) as [string, AnyFn][]) {
  define(name, (data, args) => fn(data, ...args) as Promise<unknown>);
}

/**
 * The data access of a signed-in viewer on the process's database. `ip` is the request's client
 * address, recorded with the account writes in the audit log.
 */
export function dataFor(viewer: Viewer, opts: { ip?: string | null } = {}): Data {
  return new RequestData(getDb, viewer, opts.ip ?? null, usesWriteThread()) as unknown as Data;
}

/** The same over a given database: for jobs and commands that opened their own, and for tests. */
export function dataOn(db: Db, viewer: Viewer, opts: { ip?: string | null } = {}): Data {
  const opened = Promise.resolve(db);
  return new RequestData(() => opened, viewer, opts.ip ?? null) as unknown as Data;
}

/**
 * The one identity of work no signed-in person asked for — the daily archive (schedule, start-up,
 * command, admin button) — for one kab/kota: an admin scoped to that kab/kota alone, named
 * `pantau-<job>` (what its files' "made by" line shows). Nothing else runs as the system.
 */
export function systemViewer(kodeKota: string, job: 'arsip'): Viewer {
  return { username: `pantau-${job}`, role: 'admin', scope: areaScope(kodeKota), homeArea: kodeKota, officerCode: null };
}
