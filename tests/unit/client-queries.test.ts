import { QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { officersQuerySchema } from '@/lib/api/officers-schemas';
import { changedKeys, invalidateChanged } from '@/lib/client/live-refresh';
import {
  areaViewQuery,
  followupsQuery,
  geoQuery,
  makeQueryClient,
  officerListQuery,
  queryKeys,
  REFRESH_MS,
  searchQuery,
} from '@/lib/client/queries';

describe('query keys', () => {
  it('are the same for the server’s prefetch (queryKeys) and the client’s options', () => {
    const p = { code: '6471', asOf: '2022-10-20', from: '2022-10-01', level: null };
    expect(areaViewQuery(p).queryKey).toEqual(queryKeys.areaView('6471', '2022-10-20', null));
    expect(geoQuery({ code: '6471', asOf: '2022-10-20' }).queryKey).toEqual(queryKeys.geo({ code: '6471', level: undefined, asOf: '2022-10-20' }));
    const officers = officersQuerySchema.parse({ area: '6471020' });
    expect(officerListQuery(officers).queryKey).toEqual(queryKeys.officerList(officersQuerySchema.parse({ area: '6471020' })));
  });

  it('carry every parameter of the request, the as-of date first of all (a refresh never moves the day)', () => {
    const keys = [
      queryKeys.areaView('6471', '2022-10-20', null),
      queryKeys.areaView('6471', '2022-10-21', null),
      queryKeys.areaView('6471', '2022-10-20', 'kelurahan'),
      queryKeys.areaView('6471020', '2022-10-20', null),
      queryKeys.geo({ code: '6471', asOf: '2022-10-20' }),
      queryKeys.geo({ code: '6471', asOf: null }),
      queryKeys.geo({ code: '6471', level: 'kecamatan', asOf: '2022-10-20' }),
      queryKeys.followups('6471020002', '2022-10-20'),
      queryKeys.search('manggar'),
      queryKeys.importList(1, 'id'),
      queryKeys.importList(1, 'en'),
      queryKeys.importDetail(1, 'id'),
    ];
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
  });

  it('put everything computed from the reports under one prefix, and nothing else there', () => {
    const under = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => key[i] === part);
    const figures = [queryKeys.areaView('6471', '2022-10-20', null), queryKeys.geo({ code: '6471', asOf: null }), queryKeys.officerList(officersQuerySchema.parse({}))];
    expect(figures.every((k) => under(k, queryKeys.figures))).toBe(true);
    const others = [queryKeys.followups('6471020002', '2022-10-20'), queryKeys.search('x'), queryKeys.importList(1, 'id'), queryKeys.importDetail(2, 'en')];
    expect(others.some((k) => under(k, queryKeys.figures))).toBe(false);
    expect([queryKeys.importList(1, 'id'), queryKeys.importDetail(2, 'en')].every((k) => under(k, queryKeys.imports))).toBe(true);
  });

  it('ask only when there is something to ask', () => {
    expect(searchQuery('m').enabled).toBe(false);
    expect(searchQuery('ma').enabled).toBe(true);
    expect(followupsQuery('6471020002', '2022-10-20', false).enabled).toBe(false);
  });

  it('come with one QueryClient and one set of defaults', () => {
    const defaults = makeQueryClient().getDefaultOptions().queries;
    expect(defaults).toMatchObject({ staleTime: REFRESH_MS, retry: 1, refetchOnWindowFocus: false });
  });
});

describe('live refresh: which keys a new data version moves', () => {
  it('a report or a new complete day moves the figures; an import also the import history; a follow-up the follow-up logs; no change nothing', () => {
    expect(changedKeys('120.7.3.2022-10-20', '121.7.3.2022-10-20')).toEqual([queryKeys.figures]);
    expect(changedKeys('120.7.3.2022-10-20', '120.7.3.2022-10-21')).toEqual([queryKeys.figures]);
    expect(changedKeys('120.7.3.2022-10-20', '120.8.3.2022-10-20')).toEqual([queryKeys.figures, queryKeys.imports]);
    expect(changedKeys('120.7.3.2022-10-20', '120.7.4.2022-10-20')).toEqual([queryKeys.followupLogs]);
    expect(changedKeys('120.-.3.2022-10-20', '120.-.3.2022-10-20')).toEqual([]);
    expect(changedKeys('v1', 'v2')).toEqual([queryKeys.figures, queryKeys.imports, queryKeys.followupLogs]);
  });
});

/**
 * The area page as the browser holds it: one QueryClient, every panel a query with an observer
 * (as useQuery mounts one), each counting the requests its queryFn makes.
 */
function areaPage(client: QueryClient) {
  const calls = new Map<string, number>();
  const unsubscribe: (() => void)[] = [];
  const panel = (name: string, queryKey: QueryKey) => {
    calls.set(name, 0);
    client.setQueryData(queryKey, { from: 'server' });
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: async () => {
        calls.set(name, calls.get(name)! + 1);
        return { from: 'refetch' };
      },
    });
    unsubscribe.push(observer.subscribe(() => {}));
  };
  panel('figures', queryKeys.areaView('6471', '2022-10-20', null));
  panel('map', queryKeys.geo({ code: '6471', level: 'kelurahan', asOf: '2022-10-20' }));
  panel('followups', queryKeys.followups('6471', '2022-10-20'));
  panel('search', queryKeys.search('manggar'));
  panel('imports', queryKeys.importList(1, 'id'));
  return { calls, unmount: () => unsubscribe.forEach((u) => u()) };
}

describe('live refresh: one refresh reaches every panel of the page', () => {
  let page: ReturnType<typeof areaPage> | undefined;
  afterEach(() => page?.unmount());

  it('a new report refetches the figures and the map panel’s layer together, and nothing else', async () => {
    const client = makeQueryClient();
    page = areaPage(client);
    await invalidateChanged(client, '120.7.3.2022-10-20', '121.7.3.2022-10-20');
    expect(Object.fromEntries(page.calls)).toEqual({ figures: 1, map: 1, followups: 0, search: 0, imports: 0 });
    expect(client.getQueryData(queryKeys.geo({ code: '6471', level: 'kelurahan', asOf: '2022-10-20' }))).toEqual({ from: 'refetch' });
    expect(client.getQueryData(queryKeys.areaView('6471', '2022-10-20', null))).toEqual({ from: 'refetch' });
  });

  it('an import refetches the import history as well; an unchanged version nothing', async () => {
    const client = makeQueryClient();
    page = areaPage(client);
    await invalidateChanged(client, '121.7.3.2022-10-20', '121.7.3.2022-10-20');
    expect([...page.calls.values()].every((n) => n === 0)).toBe(true);
    await invalidateChanged(client, '121.7.3.2022-10-20', '121.8.3.2022-10-20');
    expect(Object.fromEntries(page.calls)).toEqual({ figures: 1, map: 1, followups: 0, search: 0, imports: 1 });
  });

  it('a colleague’s follow-up refetches the follow-up log, and nothing else', async () => {
    const client = makeQueryClient();
    page = areaPage(client);
    await invalidateChanged(client, '121.7.3.2022-10-20', '121.7.4.2022-10-20');
    expect(Object.fromEntries(page.calls)).toEqual({ figures: 0, map: 0, followups: 1, search: 0, imports: 0 });
  });
});

describe('one client data layer', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const rel = path.join(dir, name);
      if (statSync(path.join(root, rel)).isDirectory()) return rel.startsWith(path.join('app', 'api')) ? [] : files(rel);
      return /\.tsx?$/.test(name) ? [rel] : [];
    });
  const clientModules = [...files('components'), ...files('app')].filter((f) => /^['"]use client['"]/.test(readFileSync(path.join(root, f), 'utf8')));

  // The map panel once had a QueryClient of its own, which the page's live refresh never reached:
  // the figures refreshed while the map kept its old colours.
  it('no client component mounts a QueryClient or a provider of its own (app/providers.tsx holds the one)', () => {
    expect(clientModules.length).toBeGreaterThan(20);
    const own = clientModules.filter((f) => f !== path.join('app', 'providers.tsx') && /new QueryClient\b|QueryClientProvider|QueryClientContext/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(own).toEqual([]);
  });

  it('components ask the API only through lib/client (no fetch of their own)', () => {
    const fetching = files('components').filter((f) => /\bfetch\(/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(fetching).toEqual([]);
  });
});
