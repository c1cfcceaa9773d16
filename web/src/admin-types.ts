// The API's answers for region administration and the dashboards, typed from
// the server code that produces them (see types.ts).
import type { Answer, Jsonify } from './types.js';
import type { listApiKeys, listHolidays, listStaff } from '../../src/platform/regions/admin.js';
import type { listAudit } from '../../src/platform/audit/audit.js';
import type { RegionSettings } from '../../src/platform/regions/settings.js';
import type { listInvitations } from '../../src/platform/auth/invitations.js';
import type { listSla, routingHistory } from '../../src/modules/complaints/service/admin.js';
import type { Metrics, Report } from '../../src/modules/complaints/dashboard/domain.js';
import type { publicStatistics } from '../../src/modules/complaints/dashboard/queries.js';

export type { RegionSettings };
/** A role's name; the installation's roles come from GET /api/roles. */
export type Role = string;
export type StaffGrant = Answer<typeof listStaff>[number];
export type Invitation = Answer<typeof listInvitations>[number];
export type Holiday = Answer<typeof listHolidays>[number];
export type ApiKeyRow = Answer<typeof listApiKeys>[number];
export type AuditEntry = Answer<typeof listAudit>[number];
export type RoutingRule = Answer<typeof routingHistory>[number];
export type SlaPolicy = Answer<typeof listSla>[number];

export type DashboardReport = Jsonify<Report>;
export type ReportRow = DashboardReport['rows'][number];
export type { Metrics };
export type PublicStatistics = Answer<typeof publicStatistics>;

/** GET /api/roles: the installation's roles (the platform's and each module's). */
export interface RoleInfo { name: string; label: { id: string; en: string }; unitScoped: boolean; platformGranted: boolean }
export interface RoleCatalogue { roles: RoleInfo[]; permissions: Record<string, string[]> }
