'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { makeQueryClient } from '@/lib/client/queries';

/**
 * The one QueryClient of a browser tab (a new one per server request, so users never share a
 * cache). Every panel of every page uses it: no component mounts a provider of its own.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
