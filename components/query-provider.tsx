'use client';

import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';

function makeQueryClient() {
  // Data changes at most a few times an hour: no refetch storms on focus, one minute fresh.
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false } } });
}

let browserClient: QueryClient | undefined;

/** One QueryClient per browser tab (a new one per server render, so requests never share data). */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const client = isServer ? makeQueryClient() : (browserClient ??= makeQueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
