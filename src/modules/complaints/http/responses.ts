// What the complaints API answers (route `schema.response`). The serializer
// keeps only the keys named here, so these schemas are a second line of
// privacy after service/queries.ts: the public views name no reporter and no
// officer, and would fail rather than send one.
import { z } from 'zod';
import { instant, oneOf, words } from '../../../platform/http/responses.js';
import { questionSchema } from '../domain/questions.js';
import { rejectionReasons, statuses } from '../domain/status.js';

const status = oneOf(statuses);

export const category = z.object({
  regionCode: z.string(), id: z.string(), code: z.string().describe('Open311 service_code'), nameId: z.string(), nameEn: z.string(),
  description: z.string(), group: z.string(), keywords: z.string(), questions: z.array(questionSchema), locationRequired: z.boolean(), active: z.boolean(),
}).meta({ id: 'Category' });

export const receipt = z.object({
  id: z.string(), trackingCode: z.string(),
  reporterKey: z.string().describe('Kunci pelapor: hanya di tanda terima ini / the reporter\'s key: only in this receipt'),
}).meta({ id: 'ComplaintReceipt' });

export const similarPublic = z.object({
  trackingCode: z.string(), description: z.string(), status, submittedAt: instant, score: z.number(),
}).meta({ id: 'SimilarComplaint' });

export const similarStaff = similarPublic.extend({
  id: z.string(), villageCode: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(), confidential: z.boolean(),
}).meta({ id: 'SimilarComplaintForStaff' });

export const publicRow = z.object({
  trackingCode: z.string(), status, description: z.string(), submittedAt: instant,
  categoryName: z.string(), categoryNameEn: z.string(), districtName: z.string().nullable(), overdue: z.boolean(),
}).meta({ id: 'PublicComplaintRow' });

export const inboxRow = z.object({
  id: z.string(), trackingCode: z.string(), status, description: z.string().describe('200 karakter pertama / the first 200 characters'),
  submittedAt: instant, unitId: z.string().nullable(), unitName: z.string().nullable(), categoryName: z.string(), categoryNameEn: z.string(),
  districtName: z.string().nullable(), escalationLevel: z.number().int(), dueAt: instant.nullable(), timeLeftMs: z.number().nullable(), overdue: z.boolean(),
}).meta({ id: 'InboxRow' });

const deadline = z.object({
  stage: z.string(), dueAt: instant, targetAt: instant.nullable(), metAt: instant.nullable(), overdue: z.boolean(), escalationStep: z.number().int(),
}).meta({ id: 'Deadline' });

const photo = z.object({ id: z.string(), contentType: z.string(), bytes: z.number().int(), url: z.string() }).meta({ id: 'Photo' });

/** What both views share: the complaint, its place, deadlines and photos. */
const complaintView = z.object({
  id: z.string(), trackingCode: z.string(), regionCode: z.string(), status, statusLabel: words,
  category: z.object({ id: z.string(), code: z.string(), name: words }).nullable(),
  description: z.string(), answers: z.record(z.string(), z.unknown()),
  location: z.object({
    districtCode: z.string().nullable(), districtName: z.string().nullable(), villageCode: z.string().nullable(), villageName: z.string().nullable(),
    lat: z.number().nullable(), lng: z.number().nullable(), address: z.string().nullable(),
  }),
  anonymous: z.boolean(), confidential: z.boolean(), channel: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedAt: instant, resolvedAt: instant.nullable(), closedAt: instant.nullable(), rating: z.number().int().nullable(),
  rejectionReason: oneOf(rejectionReasons).nullable(), transferredTo: z.string().nullable(), transferredFrom: z.string().nullable(),
  overdue: z.boolean(), escalationLevel: z.number().int(),
  deadlines: z.array(deadline), photos: z.array(photo),
});

/** An event as the public sees it: the actor's role, never a name, and only details about units and places. */
const publicEvent = z.object({
  at: instant, kind: z.string(), message: z.string().nullable(), public: z.boolean().pipe(z.literal(true)),
  actor: oneOf(['pelapor', 'sistem', 'petugas']).describe('Peran pelaku, bukan nama / the actor\'s role, never a name'),
  detail: z.object({
    unitName: z.string(), reason: z.string(), stage: z.string(), step: z.number(), rating: z.number(), into: z.string(),
    toRegionName: z.string(), toTrackingCode: z.string(), fromTrackingCode: z.string(), channel: z.string(),
  }).partial(),
}).meta({ id: 'PublicEvent' });

const staffEvent = z.object({
  at: instant, kind: z.string(), message: z.string().nullable(), public: z.boolean(), actor: z.string(), detail: z.record(z.string(), z.unknown()),
}).meta({ id: 'StaffEvent' });

/** The citizen's tracking page: no reporter identity, whoever asks (the reporter's key only opens a confidential report and their actions). */
export const trackedComplaint = complaintView.extend({
  reporter: z.unknown().pipe(z.null()).describe('Tidak pernah ditampilkan di halaman pelacakan / never shown on the tracking page'),
  timeline: z.array(publicEvent),
  isReporter: z.boolean(), canRate: z.boolean(), canReopen: z.boolean(), reopenUntil: instant.nullable(),
}).meta({ id: 'TrackedComplaint' });

const staffActions = ['dispatch', 'reject', 'merge', 'acknowledge', 'respond', 'dispose', 'transfer', 'resolve', 'note'] as const;

/** Staff see the reporter only when the complaint is not anonymous, or when they may read anonymous reporters (service/queries.ts Audience). */
export const staffComplaint = complaintView.extend({
  reporter: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  timeline: z.array(staffEvent),
  actions: z.array(oneOf(staffActions)).describe('Yang boleh dilakukan pengguna ini sekarang / what this user may do now'),
  proposedUnitId: z.string().nullable(),
}).meta({ id: 'StaffComplaint' });

export const myComplaint = z.object({
  regionCode: z.string(), regionName: z.string(), timezone: z.string(), timezoneLabel: z.string(), trackingCode: z.string(), status, description: z.string(), submittedAt: instant,
}).meta({ id: 'MyComplaint' });

export const routingRule = z.object({
  regionCode: z.string(), id: z.string(), categoryId: z.string(), unitId: z.string(), validFrom: instant, validTo: instant.nullable(), createdBy: z.string().nullable(),
}).meta({ id: 'RoutingRule' });

export const slaPolicy = z.object({
  regionCode: z.string(), id: z.string(), categoryId: z.string().nullable(), stage: oneOf(['verification', 'response', 'resolution']),
  amount: z.number().int(), unit: oneOf(['hours', 'working_days']), targetAmount: z.number().int().nullable(),
}).meta({ id: 'SlaPolicy' });

export const statusChange = z.object({ status });
