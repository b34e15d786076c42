'use client';

import { useContext, useEffect, useRef } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

export interface LiveRefreshOptions {
  /** Poll period; 2.5 s keeps new figures on screen within 5 s of an accepted write. */
  intervalMs?: number;
  enabled?: boolean;
  /** Called after a change was seen, with the new data version. */
  onChange?: (token: string) => void;
}

/**
 * Keeps an open dashboard current. Polls GET /api/v1/changes (a data version of the viewer's
 * kab/kota); when it moves, invalidates every TanStack Query query (when a QueryClientProvider
 * is mounted above) and calls router.refresh() so server components re-render with the new
 * figures. Pauses while the tab is hidden and checks again as soon as it is shown.
 *
 * Mount it once per page, from any client component: `useLiveRefresh();`
 */
export function useLiveRefresh({ intervalMs = 2500, enabled = true, onChange }: LiveRefreshOptions = {}): void {
  const queryClient = useContext(QueryClientContext);
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
          const res = await fetch(url, { cache: 'no-store', signal: controller.signal });
          if (res.ok) {
            const body = (await res.json()) as { token: string };
            if (token !== undefined && body.token !== token) {
              void queryClient?.invalidateQueries();
              router.refresh();
              onChangeRef.current?.(body.token);
            }
            token = body.token;
          }
        } catch {
          // Offline or aborted: try again on the next tick.
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
