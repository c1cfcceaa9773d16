// The API's answers, typed from the server code that produces them, as they
// arrive over JSON (dates become strings).
import type { listForStaff, listPublic, staffDetail, trackingView } from '../../src/modules/complaints/service/queries.js';
import type { categories } from '../../src/modules/complaints/schema.js';
import type { Question } from '../../src/modules/complaints/domain/questions.js';
import type { units } from '../../src/platform/schema.js';
import type { Grant, Permission } from '../../src/platform/auth/policy.js';

export type { Permission, Question };
export type { Status, RejectionReason } from '../../src/modules/complaints/domain/status.js';
export type { Command } from '../../src/modules/complaints/service/workflow.js';

export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;
export type Answer<F extends (...args: never[]) => unknown> = Jsonify<Awaited<ReturnType<F>>>;

export type StaffComplaint = Answer<typeof staffDetail>;
export type TrackedComplaint = Answer<typeof trackingView>;
export type InboxRow = Answer<typeof listForStaff>[number];
export type PublicRow = Answer<typeof listPublic>[number];
export type TimelineEvent = TrackedComplaint['timeline'][number];
export type Deadline = TrackedComplaint['deadlines'][number];
export type Photo = TrackedComplaint['photos'][number];
export type Unit = Jsonify<typeof units.$inferSelect>;
export type Category = Omit<Jsonify<typeof categories.$inferSelect>, 'questions'> & { questions: Question[] };

export interface RegionSummary {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

export interface RegionProfile extends RegionSummary {
  timezone: string;
  timezoneLabel: string;
  /** The settings a module lets anyone read, by module. */
  settings: { complaints?: { reopenWindowDays: number; publicStatistics: boolean } };
}

export interface Area {
  code: string;
  name: string;
  kind: string;
}

export interface Me {
  user: { id: string; name: string; email: string; platformAdmin: boolean } | null;
  grants: Grant[];
  regions: (RegionSummary & { actions: Permission[] })[];
  csrfToken: string | null;
}

export interface Notification {
  regionCode: string;
  id: number;
  at: string;
  subject: { id: string; en: string };
  body: { id: string; en: string };
  link: string | null;
  readAt: string | null;
}

export interface SimilarComplaint {
  trackingCode: string;
  description: string;
  status: string;
  submittedAt: string;
  score: number;
}
