// Browser side of /api/v1/officers: the list query in the URL, and fetching one page of it.
// (Its query key and options are in ./queries.ts with every other.)
import { officersQuerySchema, type OfficerPageJson, type OfficersQuery } from '@/lib/api/officers-schemas';
import { apiFetch } from './api-fetch';

type Params = Record<string, string | string[] | undefined>;

/** The list query in URL search params; an invalid value is dropped rather than failing the page. */
export function parseOfficersQuery(params: Params): OfficersQuery {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(officersQuerySchema.shape)) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== '') raw[key] = value;
  }
  let parsed = officersQuerySchema.safeParse(raw);
  while (!parsed.success) {
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
    parsed = officersQuerySchema.safeParse(raw);
  }
  return parsed.data;
}

const DEFAULTS = officersQuerySchema.parse({});

/** The query as URL search params, leaving out defaults so links stay short. */
export function officersSearchParams(query: Partial<OfficersQuery>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '' || DEFAULTS[key as keyof OfficersQuery] === value) continue;
    out.set(key, String(value));
  }
  return out;
}

export function fetchOfficerPage(query: OfficersQuery, signal?: AbortSignal): Promise<OfficerPageJson> {
  return apiFetch<OfficerPageJson>(`/api/v1/officers?${officersSearchParams(query)}`, { signal });
}
