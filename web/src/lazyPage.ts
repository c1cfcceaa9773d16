// Pages a citizen's first visit does not download: each is its own chunk,
// loaded on demand together with the texts it uses (the platform's staff
// screens' namespace and the module's).
import { lazy, type ComponentType } from 'react';
import { loadTexts, staffTexts, type Namespace } from './i18n/index.js';
import type { Params } from './router.js';

export const lazyPage = <P = { params: Params }>(load: () => Promise<ComponentType<P>>, ...namespaces: Namespace[]) => lazy(async () => {
  const [page] = await Promise.all([load(), loadTexts(staffTexts, ...namespaces)]);
  return { default: page };
});

/** A staff page: also inside the server-state cache (query.tsx), which loads with it and never with a citizen's pages. */
export const staffPage = <P extends object = { params: Params }>(load: () => Promise<ComponentType<P>>, ...namespaces: Namespace[]) =>
  lazyPage(() => Promise.all([load(), import('./query.js')]).then(([page, query]) => query.cached(page)), ...namespaces);
