// The API's answers for region administration and the dashboards (see types.ts).
import type { components } from './api-types.js';

type Schemas = components['schemas'];

export type RegionSettings = Schemas['RegionSettings'];
/** A role's name; the installation's roles come from GET /api/roles. */
export type Role = string;
export type StaffGrant = Schemas['StaffGrant'];
export type Invitation = Schemas['Invitation'];
export type Holiday = Schemas['Holiday'];
export type ApiKeyRow = Schemas['ApiKey'];
export type AuditEntry = Schemas['AuditEntry'];
export type RoutingRule = Schemas['RoutingRule'];
export type SlaPolicy = Schemas['SlaPolicy'];

export type DashboardReport = Schemas['DashboardReport'];
export type ReportRow = DashboardReport['rows'][number];
export type Metrics = Schemas['Metrics'];
export type PublicStatistics = Schemas['PublicStatistics'];

/** GET /api/roles: the installation's roles (the platform's and each module's). */
export type RoleCatalogue = Schemas['RoleCatalogue'];
export type RoleInfo = RoleCatalogue['roles'][number];
