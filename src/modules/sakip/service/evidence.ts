// Evidence files (bukti dukung) of a realisation: the indicator's units (their
// planners) or the coordinator attach PDFs, images and Word/Excel files to one
// period's realisation, anyone who reads the plan downloads them, and they are
// removed while the period is open. A closed (locked) period's evidence is
// kept as it was: nobody adds or removes any until the coordinator reopens it.
// Files are checked by their content (platform/files.ts): images decoded and
// re-encoded within the platform's pixel limits, and Word/Excel files (zips)
// unpacked once here within limits, so a small upload that unpacks to
// gigabytes is refused before anyone opens it.
import { and, asc, eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { checkUploads, type CheckedFile, type Upload, type UploadPolicy } from '../../../platform/files.js';
import { sakipEvaluationEvidence, sakipRealisationEvidence, sakipRealisations } from '../schema.js';
import { ensureMayReport, reportingUnits } from './access.js';
import { actorLabel, indicatorIn, nodeIn, planFor } from './data.js';
import { lockingPeriod } from './reporting.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What an evidence upload may be, for a realisation and an AKIP evaluation's answer alike. */
export const evidencePolicy: UploadPolicy = {
  types: ['application/pdf', 'image/jpeg', 'image/png', XLSX, DOCX],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  typeError: 'sakip.evidence_type_not_allowed',
};
/** Files one period's realisation, or one answer of an AKIP evaluation, keeps at most. */
export const MAX_EVIDENCE_FILES = 20;
/** A Word or Excel file unpacked: its parts and their total size (a 10 MB file of text and pictures is far below). */
export const OFFICE_LIMITS = { maxEntries: 2000, maxUnpackedBytes: 100 * 1024 * 1024 };

/**
 * Unpacks a Word or Excel file (a zip) without keeping it, counting what it
 * really inflates to: declared sizes first, then yauzl holds each part to
 * its declared size while inflating, so a part that lies is caught too.
 */
export async function ensureUnpacksWithin(data: Buffer, limits = OFFICE_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  } catch {
    throw new AppError('sakip.evidence_unreadable');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError('sakip.evidence_too_large_unpacked', { entries: zip.entryCount, maxEntries: limits.maxEntries });
    let declared = 0;
    let inflated = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes) throw new AppError('sakip.evidence_too_large_unpacked', { maxUnpackedBytes: limits.maxUnpackedBytes });
      if (entry.fileName.endsWith('/')) continue;
      for await (const chunk of await zip.openReadStreamPromise(entry)) inflated += (chunk as Buffer).length;
      if (inflated > limits.maxUnpackedBytes) throw new AppError('sakip.evidence_too_large_unpacked', { maxUnpackedBytes: limits.maxUnpackedBytes });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('sakip.evidence_unreadable');
  } finally {
    zip.close();
  }
}

/** Checks the uploads by content, then a Word or Excel file's unpacked size. */
export async function checkEvidence(uploads: Upload[]): Promise<CheckedFile[]> {
  const files = await checkUploads(uploads, evidencePolicy);
  for (const f of files) if (f.contentType === XLSX || f.contentType === DOCX) await ensureUnpacksWithin(f.data);
  return files;
}

/** The columns a listed evidence file shows, from either evidence table (never its content). */
export const evidenceFileColumns = (t: typeof sakipRealisationEvidence | typeof sakipEvaluationEvidence) => ({
  id: t.id, fileName: t.fileName, contentType: t.contentType, bytes: t.bytes, uploadedAt: t.uploadedAt, uploadedByLabel: t.uploadedByLabel,
});

/** A listed evidence file with where to download it. */
export const evidenceFileView = (e: { id: string; fileName: string; contentType: string; bytes: number; uploadedAt: Date; uploadedByLabel: string }, url: string) => ({
  id: e.id, fileName: e.fileName, contentType: e.contentType, bytes: e.bytes, uploadedAt: e.uploadedAt, uploadedBy: e.uploadedByLabel, url,
});

const evidenceView = (regionCode: string, e: { id: string; planId: string; fileName: string; contentType: string; bytes: number; uploadedAt: Date; uploadedByLabel: string }) =>
  evidenceFileView(e, `/api/regions/${regionCode}/sakip/plans/${e.planId}/evidence/${e.id}`);

const listed = { ...evidenceFileColumns(sakipRealisationEvidence), planId: sakipRealisationEvidence.planId };

async function periodEvidence(db: Queryable, regionCode: string, indicatorId: string, period: string) {
  return db.select(listed).from(sakipRealisationEvidence)
    .where(and(eq(sakipRealisationEvidence.regionCode, regionCode), eq(sakipRealisationEvidence.indicatorId, indicatorId), eq(sakipRealisationEvidence.period, period)))
    .orderBy(asc(sakipRealisationEvidence.uploadedAt), asc(sakipRealisationEvidence.fileName));
}

/** The indicator (in the plan) whose evidence the actor changes in an open period: its units or the coordinator. */
async function changeable(tx: Queryable, regionCode: string, actor: Actor, planId: string, indicatorId: string, period: string) {
  const plan = await planFor(tx, regionCode, planId, 'share');
  const indicator = await indicatorIn(tx, plan, indicatorId);
  ensureMayReport(actor, regionCode, reportingUnits(plan, await nodeIn(tx, plan, indicator.nodeId), indicator));
  const lockedBy = await lockingPeriod(tx, regionCode, period);
  if (lockedBy) throw new AppError('sakip.evidence_period_locked', { period, lockedBy });
  return { plan, indicator };
}

/** Attaches checked files to one period's realisation, all or none. */
export async function addEvidence(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string, period: string, files: CheckedFile[]) {
  if (files.length === 0) throw new AppError('request.invalid', { evidence: 'at least one file is required' });
  return ctx.database.db.transaction(async (tx) => {
    const { plan, indicator } = await changeable(tx, regionCode, actor, planId, indicatorId, period);
    const [realised] = await tx.select({ period: sakipRealisations.period }).from(sakipRealisations)
      .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id), eq(sakipRealisations.period, period))).for('update');
    if (!realised) throw new AppError('sakip.realisation_not_found', { period });
    const existing = await periodEvidence(tx, regionCode, indicator.id, period);
    if (existing.length + files.length > MAX_EVIDENCE_FILES) throw new AppError('file.too_many', { max: MAX_EVIDENCE_FILES, existing: existing.length });
    const now = ctx.clock.now();
    await tx.insert(sakipRealisationEvidence).values(files.map((f) => ({
      regionCode, planId: plan.id, indicatorId: indicator.id, period, fileName: f.fileName, contentType: f.contentType, bytes: f.data.length, data: f.data,
      uploadedAt: now, uploadedBy: actor.userId, uploadedByLabel: actorLabel(actor),
    })));
    await audit(tx, now, actor, regionCode, 'sakip.evidence_add', 'sakip_indicator', indicator.id, { planId: plan.id, period, files: files.map((f) => f.fileName) });
    return (await periodEvidence(tx, regionCode, indicator.id, period)).map((e) => evidenceView(regionCode, e));
  });
}

/** One period's evidence files, without their content. */
export async function listEvidence(ctx: AppContext, regionCode: string, planId: string, indicatorId: string, period: string) {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  return (await periodEvidence(db, regionCode, indicator.id, period)).map((e) => evidenceView(regionCode, e));
}

async function evidenceRow(db: Queryable, regionCode: string, planId: string, evidenceId: string) {
  const [row] = await db.select().from(sakipRealisationEvidence)
    .where(and(eq(sakipRealisationEvidence.regionCode, regionCode), eq(sakipRealisationEvidence.planId, planId), eq(sakipRealisationEvidence.id, evidenceId)));
  if (!row) throw new AppError('file.not_found');
  return row;
}

/** One evidence file with its content, to download. */
export async function evidenceFile(ctx: AppContext, regionCode: string, planId: string, evidenceId: string) {
  return evidenceRow(ctx.database.db, regionCode, planId, evidenceId);
}

/** Removes one evidence file while its period is open. */
export async function removeEvidence(ctx: AppContext, regionCode: string, actor: Actor, planId: string, evidenceId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evidenceRow(tx, regionCode, planId, evidenceId);
    await changeable(tx, regionCode, actor, planId, row.indicatorId, row.period);
    await tx.delete(sakipRealisationEvidence).where(and(eq(sakipRealisationEvidence.regionCode, regionCode), eq(sakipRealisationEvidence.id, row.id)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'sakip.evidence_remove', 'sakip_indicator', row.indicatorId, { planId, period: row.period, file: row.fileName });
  });
}
