// The API's answers, typed from its OpenAPI document (docs/openapi.json,
// generated into api-types.ts by `npm run openapi`), never from server code.
import type { components, paths } from './api-types.js';

type Schemas = components['schemas'];
/** The JSON body a route takes. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> =
  NonNullable<paths[P][M]> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type StaffComplaint = Schemas['StaffComplaint'];
export type TrackedComplaint = Schemas['TrackedComplaint'];
export type InboxRow = Schemas['InboxRow'];
export type PublicRow = Schemas['PublicComplaintRow'];
export type TimelineEvent = Schemas['PublicEvent'] | Schemas['StaffEvent'];
export type Deadline = Schemas['Deadline'];
export type Photo = Schemas['Photo'];
export type Unit = Schemas['Unit'];
export type Category = Schemas['Category'];
export type Question = Category['questions'][number];
export type Status = InboxRow['status'];
export type RejectionReason = NonNullable<TrackedComplaint['rejectionReason']>;
export type Command = RequestBody<'/api/regions/{region}/complaints/{id}/actions', 'post'>;
export type SimilarComplaint = Schemas['SimilarComplaint'];

export type RegionSummary = Schemas['RegionSummary'];
export type RegionProfile = Schemas['RegionProfile'];
export type Area = Schemas['Area'];
export type Me = Schemas['Me'];
/** A permission of this installation (the platform's and each module's). */
export type Permission = Me['regions'][number]['actions'][number];
export type Notification = Schemas['Notification'];
