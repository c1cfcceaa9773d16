// Server state for the staff pages (TanStack Query): one cache keyed by the
// API path, so a page opened again shows what it had while it refetches, and
// a save refreshes every list that may show it. Only lazily loaded staff pages
// import this (lazyPage.ts `staffPage`): the citizen's first download keeps
// the light useApi in data.ts.
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useCallback, type ComponentType } from 'react';
import { api, onWrite } from './api.js';
import type { Loaded } from './data.js';

/** The staff pages' cache (exported for its test). */
export const client = new QueryClient({
  defaultOptions: {
    queries: {
      queryFn: ({ queryKey, signal }) => api(queryKey[0] as string, { signal }),
      // An API refusal (403, 404, a validation error) does not change on retry, and shows at once.
      retry: false,
      // Forms are filled from this data: it changes on a save or a visit, not on a window switch.
      refetchOnWindowFocus: false,
    },
  },
});

// A write may change anything a staff page lists (a category renamed shows in
// the inbox, the audit log and the routing table), and the API does not say
// what it touched: every cached answer goes stale, the shown ones reload. A
// sign-in or sign-out changes who is asking: nothing cached is theirs.
onWrite((path) => {
  if (path.startsWith('/api/auth/')) client.clear();
  else void client.invalidateQueries();
});

/** GETs a path (null: nothing yet) through the cache; same shape as data.ts's useApi. */
export function useStaffApi<T>(path: string | null): Loaded<T> {
  const query = useQuery<T>({ queryKey: [path], enabled: path !== null });
  const { refetch } = query; // stable per component, as data.ts's reload is
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: path !== null && query.isPending,
    reload,
  };
}

/** A page inside the cache's provider. */
export function cached<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return (props: P) => <QueryClientProvider client={client}><Page {...props} /></QueryClientProvider>;
}
