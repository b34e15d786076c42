// The access matrix: every role × every relation of a target to the role's root (own, ancestor,
// sibling, descendant, another kab/kota) × every page and /api/v1 route, over HTTP against the
// built app with real sign-in. Routes are found by walking app/, and each must have a rule in
// access-routes.ts. Every 200 body is also searched for area codes the user may not see.
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { FOREIGN_KOTA, HOME_KOTA, RELATIONS, crossingOfficer, matrixDemo, matrixUsers, type MatrixUser, type ParamKind, type Relation } from './access-fixtures';
import { RULES, enumerateRoutes, type AppRoute, type ParamSpec, type RuleEntry } from './access-routes';
import { startAppServer, type AppServer } from './app-server';

const routes = enumerateRoutes();
const demo = matrixDemo();
const users = matrixUsers(demo);
const cross = crossingOfficer(demo);

interface Case {
  route: AppRoute;
  url: string;
  body?: unknown;
  expected: number;
  label: string;
}

const specOf = (spec: ParamSpec) => (typeof spec === 'string' ? { kind: spec, suffixes: [''] } : spec);

/** The requests of a scoped route for one relation: its parameters filled with that relation's targets (one per suffix). */
function requestsFor(rule: Extract<RuleEntry, { expect: 'scoped' }>, route: AppRoute, user: MatrixUser, relation: Relation) {
  const target = (kind: ParamKind) => user.targets[kind][relation] ?? null;
  const specs = [...Object.entries(rule.params ?? {}).map(([n, p]) => ({ n, at: 'path', ...specOf(p) })), ...Object.entries(rule.query ?? {}).map(([n, p]) => ({ n, at: 'query', ...specOf(p) }))];
  if (specs.some((p) => !target(p.kind))) return [];
  const suffixes = specs.find((p) => p.suffixes.length > 1)?.suffixes ?? [''];
  return suffixes.map((suffix) => {
    let path = route.pattern;
    const query = new URLSearchParams();
    for (const p of specs) {
      const value = target(p.kind)! + (p.suffixes.length > 1 ? suffix : p.suffixes[0]);
      if (p.at === 'path') path = path.replace(`[${p.n}]`, encodeURIComponent(value));
      else query.set(p.n, value);
    }
    return { url: query.size ? `${path}?${query}` : path, body: rule.body?.((kind) => target(kind) ?? '') };
  });
}

/** Every (route, target) a signed-in user is checked on, with the expected status. */
function casesFor(user: MatrixUser): Case[] {
  const cases: Case[] = [];
  for (const route of routes) {
    const rule = RULES[route.key];
    if (!rule || rule.expect === 'covered') continue;
    const allowed = rule.roles === undefined || rule.roles === 'all' || rule.roles.includes(user.role);
    if (rule.expect === 'roles') {
      const query = rule.query ? `?${new URLSearchParams(rule.query)}` : '';
      cases.push({ route, url: route.pattern + query, expected: allowed ? (rule.status ?? 200) : 404, label: route.key });
      continue;
    }
    for (const relation of RELATIONS) {
      const expected = allowed && (relation === 'own' || relation === 'descendant') ? (rule.status ?? 200) : 404;
      for (const request of requestsFor(rule, route, user, relation)) cases.push({ route, ...request, expected, label: `${route.key} ${relation}` });
    }
  }
  return cases;
}

/** Area-like codes in a body (kecamatan 7, kelurahan 10, SLS 14, sub-SLS 16 digits) and officer codes (9). */
function codesIn(body: string): string[] {
  return [...body.matchAll(/(?<!\d)(?:6471|9901)(?:\d{3}|\d{5}|\d{6}|\d{10}|\d{12})(?!\d)/g)].map((m) => m[0]);
}

/** Codes the app shows as examples in its own texts (the search hint, the API's descriptions): not data. */
const EXAMPLES = new Set<string>();

function leaks(user: MatrixUser, body: string): string[] {
  return codesIn(body).filter((code) => code.startsWith(FOREIGN_KOTA) || (code.length !== 9 && !user.allowsArea(code) && !EXAMPLES.has(code)));
}

/**
 * The text of a body a leak could be read in: text bodies whole, a zip's entry names. Other binary
 * bodies (PDF, XLSX, PNG) are compressed bytes where a run of digits is chance, not data — a kota
 * bundle once held "9901442651" that way; their content is checked by the export tests.
 */
async function scannableText(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('zip')) return Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer()))).join(' ');
  if (/pdf|spreadsheet|image\//.test(type)) return '';
  return response.text();
}

describe('access matrix', () => {
  let server: AppServer;
  const cookies = new Map<string, string>();
  const tokens = new Map<string, string>();

  const get = (url: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + url, { redirect: 'manual', headers });
  /** One case's request; writes carry a JSON body and the same-origin Origin a page of ours would send. */
  const send = (c: Case, headers: Record<string, string>) =>
    c.route.method === 'GET'
      ? get(c.url, headers)
      : fetch(server.baseUrl + c.url, {
          method: c.route.method,
          redirect: 'manual',
          headers: { ...headers, origin: server.baseUrl, 'content-type': 'application/json' },
          body: JSON.stringify(c.body ?? {}),
        });

  beforeAll(async () => {
    server = await startAppServer({ scale: 2 });
    const texts = ['id', 'en'].flatMap((l) => readdirSync(`messages/${l}`).map((f) => readFileSync(`messages/${l}/${f}`, 'utf8')));
    for (const text of [...texts, await (await get('/api/v1/openapi.json')).text()]) for (const code of codesIn(text)) EXAMPLES.add(code);
    for (const user of users) {
      const response = await fetch(`${server.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10' },
        body: JSON.stringify({ username: user.username, password: DEMO_PASSWORD }),
      });
      expect(response.status, `sign-in of ${user.username}`).toBe(200);
      cookies.set(user.username, response.headers.getSetCookie()[0].split(';')[0]);
      tokens.set(user.username, ((await response.json()) as { token: string }).token);
    }
  }, 600_000);
  afterAll(() => server?.close());

  it('has a rule for every page and route handler in app/', () => {
    const missing = routes.filter((r) => !RULES[r.key]).map((r) => r.key);
    expect(missing, `add these routes to RULES in tests/integration/access-routes.ts`).toEqual([]);
    const stale = Object.keys(RULES).filter((key) => !routes.some((r) => r.key === key));
    expect(stale, 'rules for routes that no longer exist').toEqual([]);
  });

  it('answers signed-out requests with 401 (API) or a redirect to /masuk (pages)', async () => {
    const admin = users.find((u) => u.role === 'admin')!;
    for (const route of routes) {
      const rule = RULES[route.key];
      if (!rule || rule.expect === 'covered') continue;
      if (route.method !== 'GET') {
        const response = await fetch(server.baseUrl + route.pattern.replace(/\[\w+\]/g, '0'), { method: route.method, redirect: 'manual' });
        expect(response.status, route.key).toBe(route.kind === 'api' ? 401 : 307);
        continue;
      }
      const url = rule.expect === 'scoped' ? requestsFor(rule, route, admin, 'own')[0]?.url : route.pattern;
      if (!url) continue;
      const response = await get(url);
      if (rule.public) expect(response.status, url).toBe(200);
      else if (route.kind === 'api') expect(response.status, url).toBe(401);
      else {
        expect(response.status, url).toBe(307);
        expect(new URL(response.headers.get('location')!, server.baseUrl).pathname, url).toBe('/masuk');
      }
    }
  });

  describe.each(users.map((u) => ({ ...u, name: `${u.role} ${u.username}` })))('$name', (user) => {
    it.each(casesFor(user).map((c) => ({ ...c, name: `${c.label}: ${c.url} → ${c.expected}` })))('$name', async (c) => {
      const response = await send(c, { cookie: cookies.get(user.username)! });
      expect(response.status).toBe(c.expected);
      if (response.status === 200) expect(leaks(user, await scannableText(response))).toEqual([]);
    });
  });

  // Endpoints that take an area in the query (not the path) answer 404 outside the scope too:
  // ?area=6471 once answered 200 to a lurah, with their own officers presented as the city's.
  it.each(users.map((u) => ({ ...u, name: `${u.role} ${u.username}` })))('GET /api/v1/officers?area= is 404 for every area outside the scope: $name', async (user) => {
    const asked = new Map<string, number>();
    for (const relation of RELATIONS) {
      const code = user.targets.area[relation];
      if (!code || ![4, 7, 10].includes(code.length)) continue;
      asked.set(code, (relation === 'own' || relation === 'descendant') && user.allowsArea(code) ? 200 : 404);
    }
    // The kab/kota itself: only the city-wide roles may ask for it.
    asked.set(HOME_KOTA, user.targets.area.own === HOME_KOTA ? 200 : 404);
    for (const [code, expected] of asked) {
      const response = await get(`/api/v1/officers?area=${code}`, { cookie: cookies.get(user.username)! });
      expect(response.status, `${user.username} ?area=${code}`).toBe(expected);
    }
  });

  // Issue #13: a lurah once saw a neighbouring kelurahan's PPL with their whole workload, and
  // could subtract their own share to get the neighbour's figures (which answer 404 to them).
  it('shows the lurah a PPL who also works next door over the lurah’s own sub-SLS only', async () => {
    const cookie = { cookie: cookies.get(cross.lurah)! };
    const prelist = new Map(demo.areas.map((a) => [a.code, a.prelist ?? 0]));
    const detail = (await (await get(`/api/v1/officers/${cross.code}`, cookie)).json()) as {
      officer: { subslsCount: number; prelist: number; areaCode: string; supervisorName: string | null; closed: number };
      subsls: { code: string }[];
      daily: { closed: number }[];
    };
    expect(detail.officer.subslsCount).toBe(cross.own.length);
    expect(detail.officer.prelist).toBe(cross.own.reduce((a, c) => a + (prelist.get(c) ?? 0), 0));
    expect(detail.officer.areaCode).toBe(cross.kel);
    expect(detail.officer.supervisorName).toBeNull();
    expect(detail.subsls.map((x) => x.code).sort()).toEqual([...cross.own].sort());
    expect(detail.daily.at(-1)?.closed).toBe(detail.officer.closed);
    // Their PPL add up to the kelurahan's own figures: nothing of the neighbour to subtract.
    const list = (await (await get(`/api/v1/officers?area=${cross.kel}&role=ppl&pageSize=200`, cookie)).json()) as { rows: Record<string, number>[] };
    const area = (await (await get(`/api/v1/areas/${cross.kel}`, cookie)).json()) as Record<string, number>;
    for (const k of ['prelist', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'keluargaBaru']) {
      expect(list.rows.reduce((a, r) => a + r[k], 0), k).toBe(area[k]);
    }
    // The PPL's other kelurahan stays closed to them.
    expect((await get(`/api/v1/areas/${cross.other}`, cookie)).status).toBe(404);
    expect((await get(`/api/v1/officers?area=${cross.other}`, cookie)).status).toBe(404);
  });

  it('would notice a leak: the search sees the codes of a body', async () => {
    const lurah = users.find((u) => u.role === 'lurah')!;
    const own = await (await get(`/api/v1/areas/${lurah.targets.area.own}`, { cookie: cookies.get(lurah.username)! })).text();
    expect(codesIn(own)).toContain(lurah.targets.area.own);
    expect(leaks(lurah, `${own} ${lurah.targets.area.sibling} ${lurah.targets.area.foreign}`)).toEqual([lurah.targets.area.sibling, lurah.targets.area.foreign]);
  });

  it('gives the same answers to a Bearer session token as to the cookie, on every API route', async () => {
    for (const user of users) {
      for (const c of casesFor(user).filter((x) => x.route.kind === 'api')) {
        const response = await send(c, { authorization: `Bearer ${tokens.get(user.username)}` });
        expect(response.status, `${user.username} ${c.url}`).toBe(c.expected);
      }
    }
  });
});
