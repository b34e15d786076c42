// Every TanStack Query key in one place: server prefetch and client hooks must agree on them.
import type { AreaLevel } from '@/lib/domain/types';

export const queryKeys = {
  /** An area page: the area, its children (or descendants at `level`) and its daily series as of one date. */
  areaView: (code: string, asOf: string, level: AreaLevel | null) => ['area-view', code, asOf, level] as const,
  search: (q: string) => ['area-search', q] as const,
  /** The follow-up log of an area up to a date. */
  followups: (code: string, to: string) => ['area-followups', code, to] as const,
};

/** How long fetched figures count as fresh, and how often an open page refreshes them. */
export const REFRESH_MS = 30_000;
