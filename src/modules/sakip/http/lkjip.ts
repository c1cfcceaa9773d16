// HTTP for the performance report (LKjIP): the year's reports, generating a
// draft, reading it, editing its sections, regenerating its figures,
// finalising it, reopening a final one with a reason, its earlier final
// versions, and its Word and PDF files; and the public pages' answers (no
// sign-in): a year's published documents, a final report and its files.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.js';
import { regionParam } from '../../../platform/http/schemas.js';
import { failures, fileAnswer, instant, oneOf, sendAttachment } from '../../../platform/http/responses.js';
import { LKJIP_SECTIONS } from '../domain/lkjip.js';
import {
  editSection, finaliseReport, generateReport, listReports, publicReportView, regenerateReport, reopenReport, reportVersionView, reportView,
} from '../service/lkjip.js';
import { DOCX_TYPE, PDF_TYPE, reportDocx, reportFileName, reportPdf } from '../service/lkjipDocuments.js';
import { publicDocuments } from '../service/publication.js';
import { budgetTotals, efficiency, efficiencyMethod, percentFigure } from './responses.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';

const tags = ['sakip'];
const reportParam = regionParam.extend({ reportId: z.uuid() });
const versionParam = reportParam.extend({ version: z.coerce.number().int().min(1).max(10000).describe('Versi final sebelumnya, dari 1 / an earlier final version, from 1') });
const sectionParam = reportParam.extend({ section: z.enum(LKJIP_SECTIONS).describe('Bagian naskah / the narrative section') });
const yearValue = z.number().int().min(2000).max(2100);
const decimal = z.string().describe('Desimal tepat sebagai teks / an exact decimal as text');
const unitBrief = z.object({ id: z.string(), code: z.string(), name: z.string() });
const person = z.object({ at: instant, by: z.string() });
const words = z.object({ id: z.string(), en: z.string() });

const targetText = z.union([z.object({ type: z.literal('single'), value: decimal }), z.object({ type: z.literal('range'), low: decimal, high: decimal })]).nullable();
const figure = z.union([
  z.object({ percent: decimal.describe('Dua desimal, setengah ke atas / two decimals, half up'), exact: decimal, band: z.object({ label: words, colour: z.string() }) }),
  z.object({ notComputable: z.string() }),
]).nullable();

const lkjipBudget = z.object({
  method: efficiencyMethod.describe('Metode efisiensi daerah saat disusun / the region\'s efficiency method when generated'),
  rows: z.array(z.object({
    kind: oneOf(['programme', 'activity', 'sub_activity']), code: z.string().nullable(), title: z.string(),
    unit: z.string().nullable().describe('Perangkat daerah pengampu program (LKjIP daerah) / the unit leading the programme (the region\'s report)'),
    target: z.string().nullable().describe('Sasaran yang didukung program / the target (sasaran) the programme serves'),
    budget: budgetTotals,
    achievement: percentFigure.nullable().describe('Program: capaian sasaran yang didukungnya / a programme\'s: the achievement of the target it serves'),
    efficiency: efficiency.nullable().describe('Program: capaian sasaran lawan serapan program; kegiatan dan sub-kegiatan null / a programme\'s: its target\'s achievement against its absorption; null for activities'),
  })).describe('Setiap program beranggaran sekali (LKjIP daerah: program Renstra setiap perangkat daerah, atau program RPJMD yang dipimpinnya bila Renstra tanpa anggaran), dengan kegiatan dan sub-kegiatannya pada LKjIP perangkat daerah / every budgeted programme once, with its activities and sub-activities in a unit\'s report'),
  total: z.object({
    budget: budgetTotals, achievement: percentFigure.nullable(),
    basis: oneOf(['iku', 'indicators']).describe('iku: capaian rata-rata IKU (LKjIP daerah, seperti ringkasan daerah); indicators: rata-rata indikator tujuan dan sasaran (LKjIP perangkat daerah) / what the whole budget is judged against'),
    efficiency,
  }),
}).nullable().describe('Realisasi anggaran dan efisiensi; null bila tahun itu belum ada anggaran (juga laporan lama) / budget absorption and efficiency; null when the year has no budget (and in older reports)');

const snapshot = z.object({
  title: z.string(), subject: z.string(), regionName: z.string(), unitName: z.string().nullable(), year: z.number().int(),
  plan: z.object({ kind: oneOf(['rpjmd', 'renstra']), title: z.string(), startYear: z.number().int(), endYear: z.number().int() }),
  rows: z.array(z.object({
    number: z.number().int(), indicatorId: z.string(), target: z.string().describe('Tujuan atau sasaran / goal or target'), indicator: z.string(), measure: z.string(), iku: z.boolean(),
    polarity: oneOf(['higher_is_better', 'lower_is_better']),
    targetThisYear: targetText, realisation: decimal.nullable(), complete: z.boolean().describe('Semua periode tahun itu dilaporkan / every period of the year reported'),
    achievement: figure, lastYearRealisation: decimal.nullable(), lastYearAchievement: figure,
    targetEnd: targetText.describe('Target tahun akhir rencana / the plan\'s last-year (five-year) target'), progressToEnd: figure.describe('Realisasi tahun ini terhadap target akhir / this year\'s realisation against it'),
  })),
  summary: z.object({ indicators: z.number().int(), withTarget: z.number().int(), reported: z.number().int(), met: z.number().int(), average: decimal.nullable() }),
  issues: z.array(z.object({ indicator: z.string(), obstacles: z.array(z.string()), followUp: z.array(z.string()) })),
  budget: lkjipBudget,
  drafts: z.record(z.string(), z.string()).describe('Teks bab hasil penyusunan otomatis / the generated chapter texts'),
}).meta({ id: 'SakipReportSnapshot' });

const status = oneOf(['draft', 'final']);
const reportBrief = z.object({
  id: z.string(), year: z.number().int(), unit: unitBrief.nullable(), status, generation: z.number().int(), subject: z.string(),
  generatedAt: instant, finalisedAt: instant.nullable(), updatedAt: instant,
}).meta({ id: 'SakipReportBrief' });
const reopened = person.extend({ reason: z.string() });
const report = z.object({
  id: z.string(), year: z.number().int(), unit: unitBrief.nullable(), planId: z.string(), status, generation: z.number().int().describe('Berapa kali angkanya disusun / how many times its figures were generated'),
  generated: person, final: person.nullable(), snapshot,
  sections: z.array(z.object({ key: z.enum(LKJIP_SECTIONS), heading: z.string().describe('Judul bab atau subbab / the chapter\'s heading'), text: z.string(), updated: person.nullable() })),
  versions: z.array(z.object({ version: z.number().int(), generation: z.number().int(), final: person, reopened }))
    .describe('Versi final sebelumnya: siapa menyetujui, siapa membuka kembali, kapan dan mengapa; yang lama dulu / earlier final versions: who approved, who reopened, when and why; oldest first'),
}).meta({ id: 'SakipReport' });
const reportVersion = z.object({
  id: z.string(), year: z.number().int(), unit: unitBrief.nullable(), version: z.number().int(), status: z.literal('final'), generation: z.number().int(), generatedAt: instant,
  final: person, reopened, snapshot, sections: z.array(z.object({ key: z.enum(LKJIP_SECTIONS), heading: z.string(), text: z.string() })),
}).meta({ id: 'SakipReportVersion' });
const publicReport = z.object({
  id: z.string(), year: z.number().int(), unit: unitBrief.nullable(), status: z.literal('final'), generation: z.number().int(), generatedAt: instant, finalisedAt: instant,
  underRevision: z.boolean().describe('Laporan sedang dibuka kembali untuk perbaikan; yang tampil versi final terakhir / the report is reopened for correction; this is its last final version'),
  snapshot, sections: z.array(z.object({ key: z.enum(LKJIP_SECTIONS), heading: z.string(), text: z.string() })),
}).meta({ id: 'SakipPublicReport' });

const publicTarget = z.object({ type: oneOf(['single', 'range']), value: decimal.nullable(), low: decimal.nullable(), high: decimal.nullable() });
const publicDocumentsAnswer = z.object({
  region: z.object({ code: z.string(), name: z.string() }), year: z.number().int(), years: z.array(z.number().int()),
  plans: z.array(z.object({
    id: z.string(), kind: oneOf(['rpjmd', 'renstra']), title: z.string(), unit: unitBrief.nullable(), startYear: z.number().int(), endYear: z.number().int(), years: z.array(z.number().int()),
    rows: z.array(z.object({
      number: z.string(), depth: z.number().int(), node: z.object({ kind: z.string(), code: z.string().nullable(), title: z.string() }),
      indicator: z.object({
        name: z.string(), definition: z.string(), formula: z.string(), measure: z.string(), dataSource: z.string(), polarity: z.string(), isIku: z.boolean(),
        targets: z.array(z.object({ year: z.number().int(), target: publicTarget.nullable() })),
      }).nullable(),
    })),
  })).describe('Rencana aktif yang mencakup tahun itu: RPJMD dan Renstra / the active plans covering the year'),
  agreements: z.array(z.object({
    id: z.string(), level: oneOf(['region', 'unit', 'subunit']), unit: unitBrief.nullable(), subunit: z.string(), version: z.number().int(), signedOn: z.string().nullable(),
    firstParty: z.object({ name: z.string(), position: z.string() }), secondParty: z.object({ name: z.string(), position: z.string() }).nullable(),
    targets: z.array(publicTarget.extend({ target: z.string(), indicator: z.string(), measure: z.string() })),
    programmes: z.array(z.object({ code: z.string().nullable(), title: z.string(), budget: decimal.nullable() })),
  })).describe('Perjanjian kinerja, versi terakhir yang ditandatangani / performance agreements at their last signed version'),
  reports: z.array(z.object({
    id: z.string(), year: z.number().int(), unit: unitBrief.nullable(), subject: z.string(), finalisedAt: instant.describe('Disetujui (versi yang tampil) / when the version shown was approved'),
    underRevision: z.boolean().describe('Sedang dibuka kembali untuk perbaikan / reopened for correction'),
  })).describe('LKjIP final; yang dibuka kembali tampil dengan versi final terakhirnya / final performance reports; a reopened one with its last final version'),
  akip: z.object({
    official: z.object({ score: decimal, predicate: z.object({ code: z.string(), label: z.string() }), source: z.string() }).nullable(),
    internal: z.object({ score: decimal, predicate: z.object({ code: z.string(), label: z.string() }) }).nullable(),
  }),
}).meta({ id: 'SakipPublicDocuments' });

const reportFailures = ['sakip.report_not_found', 'sakip.not_your_unit', 'sakip.coordinator_only'] as const;
const draftFailures = [...reportFailures, 'sakip.report_final'] as const;

type Printable = Parameters<typeof reportDocx>[0] & { year: number };
async function sendFile(reply: FastifyReply, r: Printable, kind: 'docx' | 'pdf', cache: string) {
  const data = kind === 'docx' ? await reportDocx(r) : await reportPdf(r);
  return sendAttachment(reply, { fileName: reportFileName(r, kind), data }, kind === 'docx' ? DOCX_TYPE : PDF_TYPE, cache);
}

export const sakipReportRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/regions/:region/sakip/reports';
  const one = `${base}/:reportId`;

  r.get(base, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Laporan kinerja (LKjIP) daerah dan perangkat daerah / The performance reports (LKjIP) of the region and its units', params: regionParam,
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: z.array(reportBrief) },
    },
  }, async (request) => listReports(ctx, request.region!.code, { year: request.query.year }));

  r.post(base, {
    config: { idempotent: true, access: 'sakip.plan' },
    schema: {
      tags, summary: 'Susun draf LKjIP dari rencana aktif / Generate an LKjIP draft from the active plan', params: regionParam,
      description: 'Tanpa unitId: LKjIP daerah dari RPJMD (koordinator SAKIP); dengan unitId: LKjIP perangkat daerah dari Renstra-nya (koordinator atau perencana perangkat daerah itu). Angka (target, realisasi, capaian tahun ini, tahun lalu dan terhadap target akhir) disimpan sebagai salinan saat disusun. / Without unitId the region\'s report from the RPJMD; with it the unit\'s from its Renstra. The figures are stored as a snapshot when generated.',
      body: z.object({ year: yearValue, unitId: z.uuid().nullish() }),
      response: { 201: report, ...failures('sakip.report_exists', 'sakip.report_no_plan', 'sakip.not_your_unit', 'sakip.coordinator_only', 'unit.not_found') },
    },
  }, async (request, reply) => {
    const id = await generateReport(ctx, request.region!, request.actor, request.body);
    return reply.status(201).send(await reportView(ctx, request.region!.code, id));
  });

  r.get(one, {
    config: { access: 'sakip.read' },
    schema: { tags, summary: 'Satu LKjIP / One performance report', params: reportParam, response: { 200: report, ...failures('sakip.report_not_found') } },
  }, async (request) => reportView(ctx, request.region!.code, request.params.reportId));

  r.put(`${one}/sections/:section`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Ubah teks satu bagian draf LKjIP / Change one section of an LKjIP draft', params: sectionParam,
      body: z.object({ text: z.string().max(20000).describe('Teks biasa; baris kosong memisahkan paragraf / plain text; blank lines separate paragraphs') }),
      response: { 200: report, ...failures(...draftFailures) },
    },
  }, async (request) => {
    await editSection(ctx, request.region!, request.actor, request.params.reportId, request.params.section, request.body.text.replace(/\r\n?/g, '\n').trim());
    return reportView(ctx, request.region!.code, request.params.reportId);
  });

  r.post(`${one}/regenerate`, {
    config: { access: 'sakip.plan' },
    schema: {
      tags, summary: 'Susun ulang angka draf LKjIP dari data terbaru / Regenerate an LKjIP draft\'s figures from the latest data', params: reportParam,
      description: 'Hanya draf. Teks yang sudah diubah staf tetap, kecuali resetTexts: true. / Drafts only. Staff\'s texts stay unless resetTexts is true.',
      body: z.object({ resetTexts: z.boolean().default(false) }),
      response: { 200: report, ...failures(...draftFailures, 'sakip.report_no_plan') },
    },
  }, async (request) => {
    await regenerateReport(ctx, request.region!, request.actor, request.params.reportId, request.body);
    return reportView(ctx, request.region!.code, request.params.reportId);
  });

  r.post(`${one}/finalise`, {
    config: { access: 'sakip.report_approve' },
    schema: {
      tags, summary: 'Setujui LKjIP sebagai final / Approve the LKjIP as final', params: reportParam,
      description: 'Oleh kepala perangkat daerah untuk LKjIP perangkat daerahnya, atau koordinator SAKIP. Laporan final tidak dapat diubah dan tampil di halaman publik. / By the unit\'s head for the unit\'s report, or the SAKIP coordinator. A final report is read-only and public.',
      body: z.object({}),
      response: { 200: report, ...failures(...draftFailures) },
    },
  }, async (request) => {
    await finaliseReport(ctx, request.region!, request.actor, request.params.reportId);
    return reportView(ctx, request.region!.code, request.params.reportId);
  });

  r.post(`${one}/reopen`, {
    config: { access: 'sakip.report_approve' },
    schema: {
      tags, summary: 'Buka kembali LKjIP final untuk perbaikan / Reopen a final LKjIP for correction', params: reportParam,
      description: 'Hanya koordinator SAKIP, dengan alasan. Laporan kembali menjadi draf; laporan sebagaimana disetujui tetap terbaca sebagai versi (siapa, kapan, alasan) dan tetap tampil di halaman publik sampai laporan difinalkan lagi. / The SAKIP coordinator only, with a reason. The report becomes a draft; the report as approved stays readable as a version (who, when, why) and stays on the public pages until the report is final again.',
      body: z.object({ reason: z.string().trim().max(2000).optional().describe('Wajib / required') }),
      response: { 200: report, ...failures(...reportFailures, 'sakip.report_not_final', 'sakip.report_reopen_reason_required') },
    },
  }, async (request) => {
    await reopenReport(ctx, request.region!, request.actor, request.params.reportId, request.body.reason);
    return reportView(ctx, request.region!.code, request.params.reportId);
  });

  r.get(`${one}/versions/:version`, {
    config: { access: 'sakip.read' },
    schema: {
      tags, summary: 'Versi final sebelumnya dari LKjIP / An earlier final version of an LKjIP', params: versionParam,
      response: { 200: reportVersion, ...failures('sakip.report_not_found', 'sakip.report_version_not_found') },
    },
  }, async (request) => reportVersionView(ctx, request.region!.code, request.params.reportId, request.params.version));

  for (const kind of ['docx', 'pdf'] as const) {
    r.get(`${one}/export.${kind}`, {
      config: { access: 'sakip.read' },
      schema: {
        tags, summary: kind === 'docx' ? 'Unduh LKjIP sebagai dokumen Word / Download the LKjIP as a Word document' : 'Unduh LKjIP sebagai PDF / Download the LKjIP as a PDF', params: reportParam,
        querystring: z.object({ version: versionParam.shape.version.optional().describe('Versi final sebelumnya; tanpa ini laporan saat ini / an earlier final version; without it the report as it is now') }),
        response: { 200: fileAnswer(kind === 'docx' ? 'Dokumen DOCX / a DOCX document' : 'Dokumen PDF / a PDF document', kind === 'docx' ? DOCX_TYPE : PDF_TYPE), ...failures('sakip.report_not_found', 'sakip.report_version_not_found') },
      },
    }, async (request, reply) => {
      const { region, params: { reportId }, query: { version } } = request;
      return sendFile(reply, version === undefined ? await reportView(ctx, region!.code, reportId) : await reportVersionView(ctx, region!.code, reportId, version), kind, 'private, no-store');
    });
  }

  // ---------------------------------------------------------------------------
  // Public: no sign-in

  const pub = '/api/regions/:region/sakip/public';
  r.get(pub, {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Dokumen kinerja yang dipublikasikan daerah untuk satu tahun / The performance documents a region publishes for a year', params: regionParam,
      description: 'Tanpa masuk. RPJMD dan Renstra aktif (pohon, indikator, target), IKU, perjanjian kinerja yang ditandatangani, LKjIP final, hasil AKIP. Draf tidak pernah tampil. / No sign-in. Active RPJMD and Renstra, IKU, signed agreements, final LKjIP, AKIP result. Drafts never appear.',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('Bawaan tahun lalu di daerah (tahun laporan terakhir) / by default last year in the region (the latest reported year)') }),
      response: { 200: publicDocumentsAnswer },
    },
  }, async (request, reply) => {
    const region = request.region!;
    const year = request.query.year ?? Number(localDateOf(ctx.clock.now(), region).slice(0, 4)) - 1;
    reply.header('cache-control', 'public, max-age=300');
    return publicDocuments(ctx, region, year);
  });

  r.get(`${pub}/reports/:reportId`, {
    config: { access: 'public' },
    schema: { tags, summary: 'LKjIP final (publik) / A final performance report (public)', params: reportParam, response: { 200: publicReport, ...failures('sakip.report_not_found') } },
  }, async (request) => publicReportView(ctx, request.region!.code, request.params.reportId));

  for (const kind of ['docx', 'pdf'] as const) {
    r.get(`${pub}/reports/:reportId/export.${kind}`, {
      config: { access: 'public' },
      schema: {
        tags, summary: kind === 'docx' ? 'LKjIP final sebagai Word (publik) / A final LKjIP as Word (public)' : 'LKjIP final sebagai PDF (publik) / A final LKjIP as PDF (public)', params: reportParam,
        response: { 200: fileAnswer(kind === 'docx' ? 'Dokumen DOCX / a DOCX document' : 'Dokumen PDF / a PDF document', kind === 'docx' ? DOCX_TYPE : PDF_TYPE), ...failures('sakip.report_not_found') },
      },
    }, async (request, reply) => sendFile(reply, await publicReportView(ctx, request.region!.code, request.params.reportId), kind, 'public, max-age=300'));
  }
};
