// Column types every module's schema uses.
import { customType, timestamp } from 'drizzle-orm/pg-core';

/** timestamptz, read as a Date: stored in UTC, shown in the region's zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Binary content (photos, evidence files) as a Buffer on both engines. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
