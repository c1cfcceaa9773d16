// Pages a citizen's first visit does not download: each is its own chunk,
// loaded on demand together with the staff screens' texts.
import { lazy, type ComponentType } from 'react';
import { loadStaffTexts } from './i18n/index.js';
import type { Params } from './router.js';

type Page = ComponentType<{ params: Params }>;

export const lazyPage = (load: () => Promise<Page>) => lazy(async () => {
  const [page] = await Promise.all([load(), loadStaffTexts()]);
  return { default: page };
});
