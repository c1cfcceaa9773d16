// Loading API data into components, and the region profile every dated view needs.
import { useCallback, useEffect, useState } from 'react';
import { api, regionApi } from './api.js';
import type { RegionProfile } from './types.js';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** GETs a path (null: nothing yet) and reloads when it changes or on demand. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: unknown }>({ path: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    const abort = new AbortController();
    api<T>(path, { signal: abort.signal }).then(
      (data) => setState({ path, data }),
      (error) => !abort.signal.aborted && setState({ path, error }),
    );
    return () => abort.abort();
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Data for an older path is not shown while the new one loads.
  const current = state.path === path;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !!path && (!current || (state.data === undefined && state.error === undefined)), reload };
}

const profiles = new Map<string, Promise<RegionProfile>>();

/** The region's profile (name, time zone), fetched once per page load. */
export function useRegion(code: string | undefined): { region?: RegionProfile; error?: unknown } {
  const [state, setState] = useState<{ code?: string; region?: RegionProfile; error?: unknown }>({});
  useEffect(() => {
    if (!code) return;
    let live = true;
    let p = profiles.get(code);
    if (!p) {
      p = api<RegionProfile>(regionApi(code));
      profiles.set(code, p);
      p.catch(() => profiles.delete(code));
    }
    p.then((region) => live && setState({ code, region }), (error) => live && setState({ code, error }));
    return () => {
      live = false;
    };
  }, [code]);
  return state.code === code ? { region: state.region, error: state.error } : {};
}
