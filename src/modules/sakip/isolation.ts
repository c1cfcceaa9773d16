// What the tenant-isolation test aims at in the victim region (contract:
// IsolationFixtures): a draft Renstra of its own, built here so that every
// editing route would succeed if access were wrongly granted (the demo's
// plans are active, and an active plan's structure refuses edits anyway):
// goal → target (two indicators, one with targets and a corrected
// realisation whose notes nobody outside the region may read) → programme (a
// leaf); and an open reporting period in which the Renstra's unit has a
// report due, with its stage deadline; and village data: its unit linked to
// a kecamatan, an indicator measured per village with one village's value;
// and a performance report, a draft again after its approval was reopened.
import { and, asc, eq, like, notExists } from 'drizzle-orm';
import type { IsolationFixtures } from '../../platform/modules/contract.js';
import { areas, units } from '../../platform/schema.js';
import { startStages } from '../../platform/deadlines/deadlines.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipRealisationEvidence, sakipRealisations, sakipRealisationVersions, sakipReportingPeriods, sakipTargets, sakipUnitReports } from './schema.js';
import { sakipAgreementRows, sakipAgreements, sakipAgreementVersions } from './schema.js';
import { unitReportRecord } from './service/reporting.js';
import { exportPlanWorkbook } from './service/workbook.js';
import { sakipEvaluationAnswers, sakipEvaluationEvidence, sakipEvaluations, sakipOfficialResults, sakipRecommendations } from './schema.js';
import { CURRENT_WORKSHEET, worksheet } from './service/evaluation.js';
import { sakipReportSections, sakipReportVersions } from './schema.js';
import { sourcePlan } from './service/agreements.js';
import { insertReport } from './service/lkjip.js';
import { getRegion } from '../../platform/regions/service.js';
import { sakipIndicatorLibrary, sakipKecamatanUnits, sakipVillageIndicators, sakipVillageValues } from './schema.js';

const SECRET_NOTE = 'Catatan realisasi rahasia uji isolasi SAKIP';
const SECRET_LIBRARY_NOTE = 'Catatan katalog indikator rahasia uji isolasi SAKIP';
const SECRET_OLD_NOTE = 'Catatan versi lama rahasia uji isolasi SAKIP';
/** A performance agreement's first party: nobody outside the region may read it. */
const SECRET_OFFICIAL = 'Pejabat rahasia uji isolasi SAKIP';
/** The reporting period the fixture opens (the demo opens none in 2026's second quarter). */
const PERIOD = '2026-Q2';
const SECRET_EVIDENCE = 'Bukti evaluasi AKIP rahasia uji isolasi';
/** A realisation's evidence file: neither its name nor its content may leave the region. */
const SECRET_FILE = 'Bukti realisasi rahasia uji isolasi.pdf';
const SECRET_FILE_CONTENT = '%PDF-1.4 isi bukti realisasi rahasia uji isolasi';
const SECRET_RECOMMENDATION = 'Rekomendasi AKIP rahasia uji isolasi';
/** An AKIP answer's evidence file: neither its name nor its content may leave the region. */
const SECRET_ANSWER_FILE = 'Bukti jawaban AKIP rahasia uji isolasi.pdf';
const SECRET_ANSWER_CONTENT = '%PDF-1.4 isi bukti jawaban AKIP rahasia uji isolasi';
const SECRET_REPORT_TEXT = 'Permasalahan LKjIP draf rahasia uji isolasi';
/** Why a final report was reopened: staff read it, the public pages never. */
const SECRET_REOPEN_REASON = 'Alasan membuka kembali LKjIP rahasia uji isolasi';
const SECRET_VILLAGE_NOTE = 'Catatan data desa rahasia uji isolasi SAKIP';

export const sakipIsolation: IsolationFixtures = {
  async records(ctx, region) {
    const { db } = ctx.database;
    const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, region), eq(units.code, 'DISHUB')));
    if (!unit) throw new Error(`The SAKIP isolation fixtures need the unit DISHUB in ${region} (the demo seeds it)`);
    const [dinkes] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, region), eq(units.code, 'DINKES')));
    if (!dinkes) throw new Error(`The SAKIP isolation fixtures need the unit DINKES in ${region} (the demo seeds it)`);
    const now = ctx.clock.now();
    const made = await db.transaction(async (tx) => {
      const [plan] = await tx.insert(sakipPlans).values({
        regionCode: region, kind: 'renstra', unitId: unit.id, startYear: 2025, endYear: 2029, title: 'Renstra Dinas Perhubungan 2025–2029 (uji isolasi)', status: 'draft', createdAt: now, updatedAt: now,
      }).returning();
      const node = async (kind: string, parentId: string | null, title: string, code: string | null = null) =>
        (await tx.insert(sakipNodes).values({ regionCode: region, planId: plan.id, parentId, kind, code, title, position: 0, createdAt: now, updatedAt: now }).returning())[0];
      const goal = await node('goal', null, 'Meningkatnya keselamatan transportasi');
      const target = await node('target', goal.id, 'Menurunnya angka kecelakaan lalu lintas');
      const programme = await node('programme', target.id, 'PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)', '2.15.02');
      const indicator = (name: string, position: number, source: string | null = null) => ({
        regionCode: region, planId: plan.id, nodeId: target.id, name, polarity: 'lower_is_better', targetType: 'single', aggregation: 'sum', source, position, createdAt: now, updatedAt: now,
      });
      // `fresh` takes its realisations from the SPBE module (the demo region's 2025 result is recorded).
      const [reported, fresh] = await tx.insert(sakipIndicators).values([
        indicator('Jumlah kecelakaan lalu lintas', 0), indicator('Indeks SPBE layanan perhubungan', 1, 'spbe.index'),
      ]).returning();
      await tx.insert(sakipTargets).values({ regionCode: region, planId: plan.id, indicatorId: reported.id, year: 2026, version: 1, value: '120', setAt: now, setBy: null, setByLabel: 'uji isolasi' });
      const realised = { regionCode: region, planId: plan.id, indicatorId: reported.id, period: '2026-Q1', enteredAt: now, enteredBy: null, enteredByLabel: 'uji isolasi' };
      await tx.insert(sakipRealisationVersions).values({ ...realised, version: 1, value: '30', note: SECRET_OLD_NOTE, obstacles: '', followUp: '', afterClose: false });
      await tx.insert(sakipRealisations).values({ ...realised, year: 2026, version: 2, value: '31', note: SECRET_NOTE, reason: 'Data kepolisian diperbarui' });
      const [evidence] = await tx.insert(sakipRealisationEvidence).values({
        regionCode: region, planId: plan.id, indicatorId: reported.id, period: '2026-Q1', fileName: SECRET_FILE, contentType: 'application/pdf',
        bytes: SECRET_FILE_CONTENT.length, data: Buffer.from(SECRET_FILE_CONTENT), uploadedAt: now, uploadedBy: null, uploadedByLabel: 'uji isolasi',
      }).returning();
      await tx.insert(sakipReportingPeriods).values({ regionCode: region, period: PERIOD, year: 2026, status: 'open', dueAt: new Date(now.getTime() + 14 * 86_400_000), openedAt: now, openedBy: null, openedByLabel: 'uji isolasi' });
      const [report] = await tx.insert(sakipUnitReports).values({ regionCode: region, period: PERIOD, unitId: unit.id }).returning();
      await startStages(tx, unitReportRecord(region, report.id), [{ stage: 'report', unit: 'working_days', dueAt: new Date(now.getTime() + 14 * 86_400_000), targetAt: null }]);
      // A draft performance agreement of the unit (editable, signable; a revision stops at 409, it is not signed yet), with one committed target and the programme.
      const [agreement] = await tx.insert(sakipAgreements).values({ regionCode: region, year: 2026, level: 'unit', unitId: unit.id, planId: plan.id, version: 1, createdAt: now, updatedAt: now }).returning();
      await tx.insert(sakipAgreementVersions).values({
        regionCode: region, agreementId: agreement.id, version: 1, status: 'draft', firstName: SECRET_OFFICIAL, firstPosition: 'Kepala Dinas Perhubungan', secondName: 'Bupati', secondPosition: 'Bupati',
        place: 'Sumedang', createdAt: now, createdByLabel: 'uji isolasi',
      });
      await tx.insert(sakipAgreementRows).values([
        { regionCode: region, agreementId: agreement.id, version: 1, position: 0, kind: 'indicator', nodeId: target.id, nodeTitle: target.title, indicatorId: reported.id, indicatorName: 'Jumlah kecelakaan lalu lintas', measure: 'kejadian', value: '120', targetVersion: 1 },
        { regionCode: region, agreementId: agreement.id, version: 1, position: 1, kind: 'programme', nodeId: programme.id, nodeTitle: programme.title, code: programme.code },
      ]);
      return {
        // The programme is a leaf (removable, movable); `fresh` has no target or realisation yet (removable, can take both).
        params: {
          planId: plan.id, nodeId: programme.id, indicatorId: fresh.id, period: '2026-Q2', sakipTargetNodeId: target.id, sakipUnitId: unit.id, sakipWorkbook: '',
          // The open reporting period, and the unit with a report due in it (by path: the platform's :unitId is another unit).
          'reporting-periods/:period': PERIOD, 'reporting-periods/:period/units/:unitId': unit.id,
          // A realisation is entered for, or taken from SPBE for, the year 2025 (closed in the demo: the coordinator gives a reason).
          'realisations/:period': '2025',
          agreementId: agreement.id, 'agreements/:agreementId/versions/:version': '1', sakipAgreementUnitId: dinkes.id,
          // A realisation's evidence file (downloadable, removable: its 2026-Q1 is not closed).
          'sakip/plans/:planId/evidence/:evidenceId': evidence.id,
        },
        secrets: [plan.id, goal.id, target.id, programme.id, reported.id, fresh.id, report.id, agreement.id, evidence.id],
        private: [SECRET_NOTE, SECRET_OLD_NOTE, SECRET_OFFICIAL, SECRET_FILE, SECRET_FILE_CONTENT],
      };
    });
    made.params.sakipWorkbook = (await exportPlanWorkbook(ctx, region, made.params.planId)).data.toString('base64');
    // An AKIP evaluation under review (answers, reviews and recommendations would be accepted if access were
    // wrongly granted), a unit's evidence and a recommendation nobody outside may read, and an official result.
    const evaluation = await db.transaction(async (tx) => {
      const [e] = await tx.insert(sakipEvaluations).values({
        regionCode: region, year: 2030, worksheetVersion: CURRENT_WORKSHEET, worksheet: worksheet(CURRENT_WORKSHEET), unitIds: [unit.id], status: 'reviewing', createdAt: now, updatedAt: now,
      }).returning();
      await tx.insert(sakipEvaluationAnswers).values({ regionCode: region, evaluationId: e.id, unitId: unit.id, criterion: '1.a.1', answer: 'Y', evidence: SECRET_EVIDENCE, answeredAt: now, answeredBy: null, answeredByLabel: 'uji isolasi' });
      const [file] = await tx.insert(sakipEvaluationEvidence).values({
        regionCode: region, evaluationId: e.id, unitId: unit.id, criterion: '1.a.1', fileName: SECRET_ANSWER_FILE, contentType: 'application/pdf',
        bytes: SECRET_ANSWER_CONTENT.length, data: Buffer.from(SECRET_ANSWER_CONTENT), uploadedAt: now, uploadedBy: null, uploadedByLabel: 'uji isolasi',
      }).returning();
      const [rec] = await tx.insert(sakipRecommendations).values({ regionCode: region, evaluationId: e.id, unitId: unit.id, text: SECRET_RECOMMENDATION, status: 'open', position: 0, createdAt: now, createdBy: null, createdByLabel: 'uji isolasi' }).returning();
      await tx.insert(sakipOfficialResults).values({ regionCode: region, year: 2030, score: '77.77', predicate: 'BB', worksheetVersion: CURRENT_WORKSHEET, source: 'uji isolasi', recordedAt: now, recordedBy: null, recordedByLabel: 'uji isolasi' });
      return { id: e.id, recommendationId: rec.id, evidenceId: file.id };
    });
    // Village data: the fixture's unit linked to a kecamatan of the region nobody else has, a third indicator
    // measured per village (a rate) with one village's value (a note nobody outside may read) in the open period.
    const village = await db.transaction(async (tx) => {
      const [district] = await tx.select({ code: areas.code }).from(areas)
        .where(and(eq(areas.level, 'district'), like(areas.code, `${region}.%`),
          notExists(tx.select().from(sakipKecamatanUnits).where(and(eq(sakipKecamatanUnits.regionCode, region), eq(sakipKecamatanUnits.districtCode, areas.code))))))
        .orderBy(asc(areas.code)).limit(1);
      const [desa] = await tx.select({ code: areas.code }).from(areas).where(and(eq(areas.level, 'village'), eq(areas.parentCode, district.code))).orderBy(asc(areas.code)).limit(1);
      await tx.insert(sakipKecamatanUnits).values({ regionCode: region, unitId: unit.id, districtCode: district.code, setAt: now, setByLabel: 'uji isolasi' });
      const [target] = await tx.select({ id: sakipNodes.id }).from(sakipNodes).where(and(eq(sakipNodes.regionCode, region), eq(sakipNodes.id, made.params.sakipTargetNodeId)));
      const [indicator] = await tx.insert(sakipIndicators).values({
        regionCode: region, planId: made.params.planId, nodeId: target.id, name: 'Persentase rumah tangga dengan jamban sehat', polarity: 'higher_is_better', targetType: 'single',
        aggregation: 'last', position: 2, createdAt: now, updatedAt: now,
      }).returning();
      await tx.insert(sakipVillageIndicators).values({ regionCode: region, indicatorId: indicator.id, planId: made.params.planId, rollup: 'rate', scale: '100', setAt: now, setByLabel: 'uji isolasi' });
      await tx.insert(sakipVillageValues).values({
        regionCode: region, indicatorId: indicator.id, period: PERIOD, villageCode: desa.code, planId: made.params.planId, year: 2026, districtCode: district.code,
        value: '12', denominator: '40', note: SECRET_VILLAGE_NOTE, enteredAt: now, enteredByLabel: 'uji isolasi',
      });
      return { districtCode: district.code, villageCode: desa.code, indicatorId: indicator.id };
    });
    Object.assign(made.params, {
      // By path: the village routes' indicator (under villages/), the unit linked to a kecamatan (the platform's :unitId is another unit).
      'villages/:indicatorId': village.indicatorId, villageCode: village.villageCode, sakipDistrictCode: village.districtCode, 'kecamatan/:unitId': unit.id,
    });
    made.secrets.push(village.indicatorId);
    made.private.push(SECRET_VILLAGE_NOTE);
    Object.assign(made.params, {
      // By path: the SPBE fixtures fill :evaluationId and :year, the platform's :unitId is another unit.
      'sakip/evaluations/:evaluationId': evaluation.id, 'evaluations/:evaluationId/units/:unitId': unit.id, subComponent: '1.a',
      recommendationId: evaluation.recommendationId, 'official-results/:year': '2030',
      // A unit's answer evidence file (listed, downloadable; removable only while answering).
      criterion: '1.a.1', 'evaluations/:evaluationId/evidence/:evidenceId': evaluation.evidenceId,
    });
    made.secrets.push(evaluation.id, evaluation.recommendationId, evaluation.evidenceId);
    made.private.push(SECRET_EVIDENCE, SECRET_RECOMMENDATION, SECRET_ANSWER_FILE, SECRET_ANSWER_CONTENT);
    // A draft performance report of the health office for 2026 (editable, regenerable, finalisable) with a
    // section nobody may read outside the region, nor anyone on the public pages (the draft is not final). It
    // was approved once and reopened: that version (its texts as generated) is public, the reason is not.
    const report = await db.transaction(async (tx) => {
      const plan = await sourcePlan(tx, region, 2026, dinkes.id, 'sakip.report_no_plan');
      const { report: r, snapshot } = await insertReport(tx, await getRegion(tx, region), plan, 2026, now, { id: null, label: 'uji isolasi' });
      await tx.update(sakipReportSections).set({ text: SECRET_REPORT_TEXT })
        .where(and(eq(sakipReportSections.regionCode, region), eq(sakipReportSections.reportId, r.id), eq(sakipReportSections.section, 'problems')));
      await tx.insert(sakipReportVersions).values({
        regionCode: region, reportId: r.id, version: 1, generation: 1, snapshot, sections: Object.entries(snapshot.drafts).map(([key, text]) => ({ key, text })),
        generatedAt: now, finalisedAt: now, finalisedBy: null, finalisedByLabel: 'uji isolasi', reopenedAt: now, reopenedBy: null, reopenedByLabel: 'uji isolasi', reason: SECRET_REOPEN_REASON,
      });
      return r.id;
    });
    Object.assign(made.params, { 'reports/:reportId': report, 'sections/:section': 'problems', 'reports/:reportId/versions/:version': '1' });
    made.secrets.push(report);
    made.private.push(SECRET_REPORT_TEXT, SECRET_REOPEN_REASON);
    // An indicator of its library, with a note nobody outside the region reads.
    await db.insert(sakipIndicatorLibrary).values({
      regionCode: region, code: 'UJI-ISOLASI', name: 'Indikator katalog uji isolasi', polarity: 'higher_is_better', targetType: 'single', aggregation: 'last', level: 'target', note: SECRET_LIBRARY_NOTE, updatedAt: now,
    }).onConflictDoNothing();
    Object.assign(made.params, { libraryCode: 'UJI-ISOLASI' });
    made.private.push(SECRET_LIBRARY_NOTE);
    return made;
  },

  request({ method, url }, p) {
    if (!url.startsWith('/api/regions/:region/sakip/')) return undefined;
    if (method === 'GET') return ['/tree', '/table', '/budget', '/action-plan'].some((end) => url.endsWith(end)) ? { query: { year: '2026' } } : undefined;
    const P = '/api/regions/:region/sakip/plans/:planId';
    const bodies: Record<string, unknown> = {
      'POST /api/regions/:region/sakip/plans': { kind: 'renstra', unitId: p.sakipUnitId, startYear: 2027, title: 'Renstra palsu dari daerah lain' },
      [`PATCH ${P}`]: { title: 'Diubah oleh daerah lain' },
      [`PUT ${P}/status`]: { status: 'active' },
      [`POST ${P}/nodes`]: { kind: 'activity', parentId: p.nodeId, code: '2.15.02.2.01', title: 'Kegiatan palsu' },
      [`PATCH ${P}/nodes/:nodeId`]: { title: 'Program diubah daerah lain' },
      [`POST ${P}/nodes/:nodeId/move`]: { parentId: p.sakipTargetNodeId, position: 0 },
      [`POST ${P}/nodes/:nodeId/indicators`]: { name: 'Indikator palsu', polarity: 'higher_is_better' },
      [`PATCH ${P}/indicators/:indicatorId`]: { name: 'Indikator diubah daerah lain' },
      [`POST ${P}/indicators/:indicatorId/targets`]: { year: 2026, value: '1' },
      [`PUT ${P}/indicators/:indicatorId/realisations/:period`]: { value: '1', note: 'Realisasi palsu', reason: 'Koreksi palsu' },
      [`POST ${P}/indicators/:indicatorId/realisations/:period/from-source`]: { reason: 'Koreksi palsu' },
      [`PUT ${P}/nodes/:nodeId/budget/:period`]: { ceiling: '1000000', spending: '10' },
      [`PUT ${P}/indicators/:indicatorId/action-plan/:period`]: { value: '1' },
      'POST /api/regions/:region/sakip/reporting-periods': { period: '2026-02', dueDate: '2027-03-31' },
      'PUT /api/regions/:region/sakip/reporting-periods/:period/status': { status: 'closed' },
      'POST /api/regions/:region/sakip/reporting-periods/:period/units/:unitId/submit': { note: 'Laporan palsu dari daerah lain' },
      // The demo's health office Renstra is active through 2029 and has no 2028 agreement: drafting one would succeed.
      'POST /api/regions/:region/sakip/agreements': { year: 2028, level: 'subunit', unitId: p.sakipAgreementUnitId, subunit: 'Kepala Bidang Palsu', firstParty: { name: 'Palsu', position: 'Palsu' }, secondParty: { name: 'Palsu', position: 'Palsu' } },
      'PATCH /api/regions/:region/sakip/agreements/:agreementId': { place: 'Bandung' },
      'POST /api/regions/:region/sakip/agreements/:agreementId/sign': {},
      'POST /api/regions/:region/sakip/agreements/:agreementId/revise': { reason: 'Revisi palsu dari daerah lain' },
      'POST /api/regions/:region/sakip/evaluations': { year: 2031 },
      'PATCH /api/regions/:region/sakip/evaluations/:evaluationId': { notes: 'Catatan palsu' },
      'PUT /api/regions/:region/sakip/evaluations/:evaluationId/status': { status: 'answering' },
      'PUT /api/regions/:region/sakip/evaluations/:evaluationId/units/:unitId/answers': { answers: [{ criterion: '1.a.2', answer: 'Y', evidence: 'palsu' }] },
      'PUT /api/regions/:region/sakip/evaluations/:evaluationId/reviews/:subComponent': { letter: 'AA', note: 'palsu' },
      'POST /api/regions/:region/sakip/evaluations/:evaluationId/recommendations': { text: 'Rekomendasi palsu' },
      'POST /api/regions/:region/sakip/evaluations/:evaluationId/recommendations/:recommendationId/follow-ups': { status: 'in_progress', note: 'palsu' },
      'PUT /api/regions/:region/sakip/official-results/:year': { score: '99.99' },
      // The health office has no 2027 report: generating one would succeed.
      'POST /api/regions/:region/sakip/reports': { year: 2027, unitId: p.sakipAgreementUnitId },
      'PUT /api/regions/:region/sakip/reports/:reportId/sections/:section': { text: 'Teks palsu dari daerah lain' },
      'POST /api/regions/:region/sakip/reports/:reportId/regenerate': {},
      'POST /api/regions/:region/sakip/reports/:reportId/finalise': {},
      // The fixture's report is a draft: reopening it gets as far as its status (409).
      'POST /api/regions/:region/sakip/reports/:reportId/reopen': { reason: 'Dibuka kembali oleh daerah lain' },
      'PUT /api/regions/:region/sakip/kecamatan/:unitId': { districtCode: p.sakipDistrictCode },
      [`PUT ${P}/villages/:indicatorId/rule`]: { rollup: 'rate', scale: '100' },
      [`PUT ${P}/villages/:indicatorId/values/:period`]: { values: [{ villageCode: p.villageCode, value: '3', denominator: '40', note: 'Data desa palsu' }] },
      [`DELETE ${P}/villages/:indicatorId/values/:period/:villageCode`]: { reason: 'Penghapusan palsu dari daerah lain' },
      'PUT /api/regions/:region/sakip/indicator-library/:libraryCode': { name: 'Indikator katalog palsu', polarity: 'lower_is_better', level: 'goal' },
    };
    const key = `${method} ${url}`;
    const upload = (field: string, fileName: string, data: Buffer) => {
      const boundary = 'pamong-isolasi';
      return {
        body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      };
    };
    // The plan's own export: granted wrongly, the import would get as far as the plan's realisation (409), never a 401, 403 or 404.
    if (key === `POST ${P}/import`) return upload('file', 'rencana.xlsx', Buffer.from(p.sakipWorkbook, 'base64'));
    const fakePdf = () => upload('evidence', 'bukti.pdf', Buffer.from('%PDF-1.4 bukti palsu dari daerah lain'));
    if (key === `POST ${P}/indicators/:indicatorId/realisations/:period/evidence`) return fakePdf();
    if (key === 'POST /api/regions/:region/sakip/evaluations/:evaluationId/units/:unitId/criteria/:criterion/evidence') return fakePdf();
    if (key === `POST ${P}/villages/:indicatorId/values/:period/import`) return upload('file', 'desa.csv', Buffer.from(`kode_desa,nilai,penyebut\r\n${p.villageCode},4,40\r\n`));
    return key in bodies ? { body: bodies[key] } : undefined;
  },
};
