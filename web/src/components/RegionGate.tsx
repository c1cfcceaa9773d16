// Renders a page once its region's profile (name, time zone) is known.
import type { ReactNode } from 'react';
import { useRegion } from '../data.js';
import type { RegionProfile } from '../types.js';
import { ErrorMessage, Loading } from './ui.js';

export function RegionGate({ code, children }: { code: string; children: (region: RegionProfile) => ReactNode }) {
  const { region, error } = useRegion(code);
  if (error) return <ErrorMessage error={error} />;
  if (!region) return <Loading />;
  return <>{children(region)}</>;
}
