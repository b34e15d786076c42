'use client';

import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { apiFetch } from './api-fetch';
import { queryKeys } from './queries';

/**
 * The query keys whose data moved between two data versions of GET /api/v1/changes. A version
 * is `<newest report>.<newest applied import>.<newest follow-up>.<default as-of date>`
 * (lib/queries/changes.ts): a report, an import (of reports or of master data) or a new complete
 * day changes the figures, and an import also adds a line to the import history; a follow-up
 * changes the follow-up logs only. A version of another shape moves all three. The area search
 * is not part of a version: never touched.
 */
export function changedKeys(before: string, after: string): QueryKey[] {
  if (before === after) return [];
  const [b, a] = [before.split('.'), after.split('.')];
  if (b.length !== 4 || a.length !== 4) return [queryKeys.figures, queryKeys.imports, queryKeys.followupLogs];
  const keys: QueryKey[] = [];
  if (b[0] !== a[0] || b[1] !== a[1] || b[3] !== a[3]) keys.push(queryKeys.figures);
  if (b[1] !== a[1]) keys.push(queryKeys.imports);
  if (b[2] !== a[2]) keys.push(queryKeys.followupLogs);
  return keys;
}

/**
 * Marks the changed queries stale and refetches those on screen (every panel of the page shares
 * the one QueryClient, the map's layers included). Each refetch is revalidated by its ETag
 * (./api-fetch.ts), so a body that did not change costs a bodiless 304.
 */
export async function invalidateChanged(client: QueryClient, before: string, after: string): Promise<void> {
  await Promise.all(changedKeys(before, after).map((queryKey) => client.invalidateQueries({ queryKey })));
}

export interface LiveRefreshOptions {
  /** Poll period; 2.5 s keeps new figures on screen within 5 s of an accepted write. */
  intervalMs?: number;
  enabled?: boolean;
  /** Called after a change was seen, with the new data version. */
  onChange?: (token: string) => void;
}

/**
 * Keeps an open page current. Polls GET /api/v1/changes (a data version of what the viewer may
 * see); when it moves, invalidates the queries whose data changed (`invalidateChanged`) and calls
 * router.refresh() so server components re-render with the new figures. Query keys carry the
 * as-of date, so a refresh never moves the page to another day. Pauses while the tab is hidden
 * and checks again as soon as it is shown.
 *
 * Mount it once per page, from any client component: `useLiveRefresh();`
 */
export function useLiveRefresh({ intervalMs = 2500, enabled = true, onChange }: LiveRefreshOptions = {}): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!enabled) return;
    let token: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const controller = new AbortController();

    async function check() {
      clearTimeout(timer);
      if (document.visibilityState !== 'hidden') {
        try {
          const url = '/api/v1/changes' + (token ? `?since=${encodeURIComponent(token)}` : '');
          const body = await apiFetch<{ token: string }>(url, { signal: controller.signal });
          if (token !== undefined && body.token !== token) {
            void invalidateChanged(queryClient, token, body.token);
            router.refresh();
            onChangeRef.current?.(body.token);
          }
          token = body.token;
        } catch {
          // Offline, signed out or aborted: try again on the next tick.
        }
      }
      if (!stopped) timer = setTimeout(check, intervalMs);
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [enabled, intervalMs, queryClient, router]);
}
