// Where a complaint is, and what counts as saying so when its category
// requires a location (categories.location_required).
import type { Channel } from './status.js';

export interface Place {
  districtCode: string | null;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

/**
 * Whether a report says where to go: a kecamatan/desa, or a map pin. Open311
 * clients know no kecamatan; for them a street address (address_string)
 * counts too, as the GeoReport spec's own location rule has it.
 */
export function placeGiven(p: Place, channel: Channel): boolean {
  if (p.districtCode || p.villageCode) return true;
  if (p.lat !== null && p.lng !== null) return true;
  return channel === 'open311' && !!p.address?.trim();
}
