// The demo region's e-SAKIP plans: Sumedang's RPJMD 2025–2029 (vision,
// missions, goals and targets with the human development index, poverty,
// stunting, the SPBE index and complaints answered on time), the Renstra of
// the health office and of Diskominfo cascading from it, five yearly targets
// per indicator (one revised, with its reason), the realisations of 2025 and
// the Renstra sub-activities' 2025 budgets and quarterly action plans; the
// performance agreements of 2025 and 2026;
// and reporting: 2025's quarters and the year closed with every unit's report
// in on time, and the latest quarter whose reports are due open, with the
// health office's report in and Diskominfo's late (reminded and escalated);
// and two kecamatan with 2025's village data (demo-villages.ts).
// Invented demo figures in the shape the use cases leave behind. Programme
// codes are Permendagri 90/2019's (reference/urusan-permendagri-90-2019.json);
// activity and sub-activity numbers follow its format but were not checked
// against the Kepmendagri master.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { stageDeadlines, stageEscalations, users } from '../../platform/schema.js';
import { regionCalendar } from '../../platform/calendar/region.js';
import { meetStages, startStages } from '../../platform/deadlines/deadlines.js';
import { getRegion } from '../../platform/regions/service.js';
import { defaultDueAt, firstCheckAt } from './domain/reporting.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipRealisations, sakipReportingPeriods, sakipTargets, sakipUnitReports } from './schema.js';
import { parsePeriod, periodEnd, periodsOfYear } from './service/periods.js';
import { unitReportRecord } from './service/reporting.js';
import { rowsFromPlan } from './service/agreements.js';
import { sakipActionTargets, sakipAgreementRows, sakipAgreements, sakipAgreementVersions, sakipBudgets } from './schema.js';
import { seedVillageDemo, VILLAGE_INDICATORS } from './demo-villages.js';

const YEARS = [2025, 2026, 2027, 2028, 2029];

interface DemoIndicator {
  name: string;
  measure: string;
  polarity: 'higher_is_better' | 'lower_is_better';
  aggregation: 'sum' | 'average' | 'last';
  isIku?: boolean;
  definition?: string;
  formula?: string;
  dataSource?: string;
  /** One per year 2025–2029: a value, or [low, high] for a range. */
  targets: (string | [string, string])[];
  /** 2025's realisations by period ('2025', '2025-Q1' …). */
  realised?: Record<string, string>;
  obstacles?: string;
  followUp?: string;
  sharedWith?: string[];
  /** Another module's measure its realisations are taken from. */
  source?: string;
}

interface DemoNode {
  kind: string;
  title: string;
  code?: string;
  unit?: string;
  /** The title of the RPJMD target (sasaran) it cascades from. */
  supports?: string;
  indicators?: DemoIndicator[];
  children?: DemoNode[];
}

const rpjmd: DemoNode = {
  kind: 'vision', title: 'Terwujudnya Sumedang yang sejahtera, agamis, maju, profesional dan kreatif (visi contoh untuk demo)',
  children: [
    {
      kind: 'mission', title: 'Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berdaya saing',
      children: [{
        kind: 'goal', title: 'Meningkatnya kualitas hidup masyarakat',
        indicators: [{
          name: 'Indeks Pembangunan Manusia (IPM)', measure: 'poin', polarity: 'higher_is_better', aggregation: 'last', isIku: true,
          definition: 'Capaian pembangunan manusia dari umur panjang dan hidup sehat, pengetahuan, dan standar hidup layak.', dataSource: 'BPS Kabupaten Sumedang',
          formula: 'Rata-rata geometrik indeks kesehatan, pendidikan dan pengeluaran (metode BPS)',
          targets: ['72.10', '72.60', '73.10', '73.60', '74.10'], realised: { 2025: '72.31' },
        }],
        children: [
          {
            kind: 'target', title: 'Menurunnya prevalensi stunting', unit: 'DINKES',
            indicators: [{
              name: 'Prevalensi stunting pada balita', measure: '%', polarity: 'lower_is_better', aggregation: 'last', isIku: true,
              definition: 'Persentase balita dengan tinggi badan menurut umur di bawah −2 simpangan baku standar WHO.', dataSource: 'Dinas Kesehatan (e-PPGBM), diverifikasi SSGI',
              formula: 'Jumlah balita stunting / jumlah balita diukur × 100',
              targets: ['14.00', '12.00', '10.00', '8.50', '7.00'], realised: { '2025-Q1': '15.10', '2025-Q2': '14.60', '2025-Q3': '14.20', '2025-Q4': '13.80' },
              obstacles: 'Cakupan pengukuran di posyandu belum merata di wilayah utara.', followUp: 'Pendampingan kader posyandu dan pengukuran serentak tiap Februari dan Agustus.',
            }],
            children: [{ kind: 'programme', code: '1.02.02', title: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT', unit: 'DINKES' }],
          },
          {
            kind: 'target', title: 'Menurunnya persentase penduduk miskin',
            indicators: [{
              name: 'Tingkat kemiskinan', measure: '%', polarity: 'lower_is_better', aggregation: 'last', isIku: true,
              definition: 'Persentase penduduk dengan pengeluaran per kapita di bawah garis kemiskinan.', dataSource: 'BPS (Susenas Maret)',
              targets: ['9.50', '9.00', '8.50', '8.00', '7.50'], realised: { 2025: '9.32' },
            }],
          },
        ],
      }],
    },
    {
      kind: 'mission', title: 'Mewujudkan tata kelola pemerintahan yang bersih, efektif dan melayani berbasis digital',
      children: [{
        kind: 'goal', title: 'Meningkatnya kualitas tata kelola pemerintahan digital',
        children: [
          {
            kind: 'target', title: 'Meningkatnya kematangan SPBE', unit: 'DISKOMINFO',
            indicators: [{
              name: 'Indeks SPBE', measure: 'indeks (1–5)', polarity: 'higher_is_better', aggregation: 'last', isIku: true,
              definition: 'Indeks Sistem Pemerintahan Berbasis Elektronik hasil evaluasi KemenPANRB.', dataSource: 'Hasil evaluasi SPBE (modul SPBE Pamong)',
              // 2025 as the SPBE demo's finished evaluation scores it (demo.test.ts takes it from there to check).
              targets: ['3.60', '3.80', '4.00', '4.10', '4.20'], realised: { 2025: '3.22' }, source: 'spbe.index',
            }],
            children: [{ kind: 'programme', code: '2.16.03', title: 'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA', unit: 'DISKOMINFO' }],
          },
          {
            kind: 'target', title: 'Meningkatnya kualitas penanganan pengaduan masyarakat', unit: 'DISKOMINFO',
            indicators: [{
              name: 'Persentase pengaduan yang ditanggapi tepat waktu', measure: '%', polarity: 'higher_is_better', aggregation: 'average',
              definition: 'Bagian pengaduan masyarakat yang ditanggapi dalam batas waktu tahap tanggapan.', dataSource: 'Modul pengaduan Pamong',
              formula: 'Pengaduan ditanggapi tepat waktu / pengaduan masuk × 100',
              targets: ['85', '88', '90', '92', '95'], realised: { '2025-Q1': '82.50', '2025-Q2': '86.00', '2025-Q3': '88.40', '2025-Q4': '89.10' },
              sharedWith: ['DPMPTSP'], source: 'complaints.responded-in-time',
            }],
          },
        ],
      }],
    },
  ],
};

const dinkes: DemoNode[] = [{
  kind: 'goal', title: 'Meningkatnya derajat kesehatan masyarakat', supports: 'Menurunnya prevalensi stunting',
  children: [{
    kind: 'target', title: 'Menurunnya prevalensi stunting dan kekurangan gizi pada balita',
    indicators: [
      {
        name: 'Prevalensi stunting pada balita', measure: '%', polarity: 'lower_is_better', aggregation: 'last', isIku: true, dataSource: 'e-PPGBM',
        targets: ['14.00', '12.00', '10.00', '8.50', '7.00'], realised: { '2025-Q1': '15.10', '2025-Q2': '14.60', '2025-Q3': '14.20', '2025-Q4': '13.80' },
      },
      {
        name: 'Cakupan tablet tambah darah pada remaja putri', measure: '%', polarity: 'higher_is_better', aggregation: 'last', dataSource: 'Laporan puskesmas',
        targets: [['80', '90'], ['82', '90'], ['84', '92'], ['86', '94'], ['88', '95']], realised: { '2025-Q1': '61.00', '2025-Q2': '70.50', '2025-Q3': '78.00', '2025-Q4': '83.20' },
      },
      // Measured per desa/kelurahan (demo-villages.ts): their realisations are rolled up from the villages.
      {
        name: VILLAGE_INDICATORS.stunting.name, measure: '%', polarity: 'lower_is_better', aggregation: 'last', dataSource: 'e-PPGBM per desa/kelurahan, diisi kecamatan',
        formula: 'Σ balita stunting / Σ balita diukur × 100 (seluruh desa/kelurahan)', targets: ['14.00', '12.00', '10.00', '8.50', '7.00'],
      },
      {
        name: VILLAGE_INDICATORS.water.name, measure: '%', polarity: 'higher_is_better', aggregation: 'last', dataSource: 'Pendataan desa/kelurahan, diisi kecamatan',
        formula: 'Σ rumah tangga dengan akses air minum layak / Σ rumah tangga × 100 (seluruh desa/kelurahan)', targets: ['78', '82', '86', '90', '94'],
      },
    ],
    children: [{
      kind: 'programme', code: '1.02.02', title: 'PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT',
      indicators: [{ name: 'Persentase puskesmas dengan layanan gizi terstandar', measure: '%', polarity: 'higher_is_better', aggregation: 'last', targets: ['70', '78', '85', '92', '100'], realised: { 2025: '72' } }],
      children: [{
        kind: 'activity', code: '1.02.02.2.02', title: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota',
        children: [{
          kind: 'sub_activity', code: '1.02.02.2.02.0001', title: 'Pengelolaan Pelayanan Kesehatan Ibu Hamil',
          indicators: [{
            name: 'Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar', measure: 'orang', polarity: 'higher_is_better', aggregation: 'sum',
            targets: ['17500', '17600', '17700', '17800', '17900'], realised: { '2025-Q1': '4210', '2025-Q2': '4388', '2025-Q3': '4460', '2025-Q4': '4302' },
          }],
        }],
      }],
    }],
  }],
}];

const diskominfo: DemoNode[] = [{
  kind: 'goal', title: 'Meningkatnya penyelenggaraan pemerintahan berbasis elektronik', supports: 'Meningkatnya kematangan SPBE',
  children: [{
    kind: 'target', title: 'Meningkatnya keterpaduan layanan digital pemerintah daerah',
    indicators: [{
      name: 'Indeks SPBE', measure: 'indeks (1–5)', polarity: 'higher_is_better', aggregation: 'last', isIku: true, dataSource: 'Hasil evaluasi SPBE (modul SPBE Pamong)',
      targets: ['3.60', '3.80', '4.00', '4.10', '4.20'], realised: { 2025: '3.22' }, source: 'spbe.index',
    }],
    children: [{
      kind: 'programme', code: '2.16.03', title: 'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA',
      indicators: [{ name: 'Persentase layanan publik yang tersedia daring', measure: '%', polarity: 'higher_is_better', aggregation: 'last', targets: ['55', '62', '70', '78', '85'], realised: { 2025: '57.5' } }],
      children: [{
        kind: 'activity', code: '2.16.03.2.02', title: 'Pengelolaan e-Government di Lingkup Pemerintah Daerah Kabupaten/Kota',
        children: [{
          kind: 'sub_activity', code: '2.16.03.2.02.0001', title: 'Pengembangan Aplikasi dan Proses Bisnis Pemerintahan Berbasis Elektronik',
          indicators: [{ name: 'Jumlah aplikasi layanan yang terintegrasi', measure: 'aplikasi', polarity: 'higher_is_better', aggregation: 'sum', targets: ['4', '4', '5', '5', '6'], realised: { '2025-Q2': '1', '2025-Q3': '2', '2025-Q4': '1', '2025-Q1': '0' } }],
        }],
      }],
    }],
  }],
}];

const personByEmail = async (tx: Queryable, email: string) =>
  (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]?.id ?? null;

/** When a period's realisation was entered: ten days after it ended. */
function enteredAt(period: string): Date {
  const [y, part] = period.split('-');
  const endMonth = part === undefined ? 12 : part.startsWith('Q') ? Number(part.slice(1)) * 3 : Number(part);
  return new Date(Date.UTC(Number(y), endMonth, 10, 2));
}

export async function seedSakipDemo(tx: Queryable, regionCode: string, unitOf: (code: string) => string, now: Date): Promise<void> {
  const coordinatorEmail = 'sakip@sumedang.demo';
  const coordinator = { id: await personByEmail(tx, coordinatorEmail), label: coordinatorEmail };
  const planners: Record<string, { id: string | null; label: string }> = {
    DINKES: { id: await personByEmail(tx, 'perencana.dinkes@sumedang.demo'), label: 'perencana.dinkes@sumedang.demo' },
    DISKOMINFO: { id: await personByEmail(tx, 'perencana.kominfo@sumedang.demo'), label: 'perencana.kominfo@sumedang.demo' },
  };
  const adopted = new Date(Date.UTC(2025, 0, 20, 3));
  const targetsByTitle = new Map<string, string>();
  /** Indicator ids by plan (RPJMD or the unit's code) and name, for the reporting demo. */
  const indicatorIds = new Map<string, { planId: string; indicatorId: string }>();

  async function plan(kind: 'rpjmd' | 'renstra', unit: string | null, title: string, roots: DemoNode[]) {
    const [row] = await tx.insert(sakipPlans).values({
      regionCode, kind, unitId: unit ? unitOf(unit) : null, startYear: 2025, endYear: 2029, title, status: 'active', createdAt: adopted, updatedAt: adopted,
    }).returning();
    const reporter = unit ? planners[unit] : coordinator;
    const walk = async (nodes: DemoNode[], parentId: string | null) => {
      for (const [position, n] of nodes.entries()) {
        const [node] = await tx.insert(sakipNodes).values({
          regionCode, planId: row.id, parentId, kind: n.kind, code: n.code ?? null, title: n.title, unitId: n.unit ? unitOf(n.unit) : null,
          supportsNodeId: n.supports ? targetsByTitle.get(n.supports) ?? null : null, position, createdAt: adopted, updatedAt: adopted,
        }).returning();
        if (kind === 'rpjmd' && n.kind === 'target') targetsByTitle.set(n.title, node.id);
        for (const [i, ind] of (n.indicators ?? []).entries()) {
          const [indicator] = await tx.insert(sakipIndicators).values({
            regionCode, planId: row.id, nodeId: node.id, name: ind.name, definition: ind.definition ?? '', formula: ind.formula ?? '', measure: ind.measure,
            dataSource: ind.dataSource ?? '', polarity: ind.polarity, targetType: Array.isArray(ind.targets[0]) ? 'range' : 'single', aggregation: ind.aggregation,
            isIku: ind.isIku ?? false, sharedUnitIds: (ind.sharedWith ?? []).map(unitOf), source: ind.source ?? null, position: i, createdAt: adopted, updatedAt: adopted,
          }).returning();
          indicatorIds.set(`${unit ?? 'RPJMD'}:${ind.name}`, { planId: row.id, indicatorId: indicator.id });
          await tx.insert(sakipTargets).values(ind.targets.map((t, y) => ({
            regionCode, planId: row.id, indicatorId: indicator.id, year: YEARS[y], version: 1,
            ...(Array.isArray(t) ? { value: null, low: t[0], high: t[1] } : { value: t }), setAt: adopted, setBy: coordinator.id, setByLabel: coordinator.label,
          })));
          // Stunting's 2026 target, revised once the 2024 survey was in: the history keeps both.
          if (kind === 'rpjmd' && ind.name === 'Prevalensi stunting pada balita') {
            await tx.insert(sakipTargets).values({
              regionCode, planId: row.id, indicatorId: indicator.id, year: 2026, version: 2, value: '12.50', reason: 'Penyesuaian setelah hasil SSGI 2024 diterbitkan',
              setAt: new Date(Date.UTC(2025, 7, 20, 3)), setBy: coordinator.id, setByLabel: coordinator.label,
            });
          }
          const realised = Object.entries(ind.realised ?? {});
          if (realised.length > 0) {
            await tx.insert(sakipRealisations).values(realised.map(([period, value]) => ({
              regionCode, planId: row.id, indicatorId: indicator.id, period, year: Number(period.slice(0, 4)), value,
              obstacles: ind.obstacles ?? '', followUp: ind.followUp ?? '', enteredAt: enteredAt(period), enteredBy: reporter.id, enteredByLabel: reporter.label,
            })));
          }
        }
        await walk(n.children ?? [], node.id);
      }
    };
    await walk(roots, null);
  }

  await plan('rpjmd', null, 'RPJMD Kabupaten Sumedang 2025–2029', [rpjmd]);
  await plan('renstra', 'DINKES', 'Renstra Dinas Kesehatan 2025–2029', dinkes);
  await plan('renstra', 'DISKOMINFO', 'Renstra Dinas Komunikasi dan Informatika 2025–2029', diskominfo);
  await seedVillageDemo(tx, regionCode, indicatorIds, coordinator);
  await seedReporting(tx, regionCode, unitOf, now, { coordinator, planners, indicatorIds });
  await seedBudgets(tx, regionCode, { planners, indicatorIds });
  for (const year of [2025, 2026] as const) await seedAgreements(tx, regionCode, unitOf, { coordinator, planners }, year);
}

/**
 * 2025's budgets of the Renstra sub-activities by quarter (their activities
 * and programmes add them up) and their indicators' quarterly action plans.
 * The health office spent 90 % of Rp4.75 billion, Diskominfo 95 % of Rp2.4
 * billion, so that the overview shows each category: the health office
 * efficient (about 101 % achieved), Diskominfo fairly efficient (about 97 %),
 * and Diskominfo's SPBE target inefficient (89.44 % achieved).
 */
const demoBudgets: { unit: string; code: string; ceiling: string; spent: string[]; action: { indicator: string; targets: string[] } }[] = [
  { unit: 'DINKES', code: '1.02.02.2.02.0001', ceiling: '1187500000', spent: ['950000000', '1100000000', '1125000000', '1100000000'],
    action: { indicator: 'Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar', targets: ['4375', '4375', '4375', '4375'] } },
  { unit: 'DISKOMINFO', code: '2.16.03.2.02.0001', ceiling: '600000000', spent: ['480000000', '600000000', '600000000', '600000000'],
    action: { indicator: 'Jumlah aplikasi layanan yang terintegrasi', targets: ['1', '1', '1', '1'] } },
];

async function seedBudgets(
  tx: Queryable, regionCode: string,
  people: { planners: Record<string, { id: string | null; label: string }>; indicatorIds: Map<string, { planId: string; indicatorId: string }> },
): Promise<void> {
  const quarters = periodsOfYear('quarter', 2025);
  for (const b of demoBudgets) {
    const by = people.planners[b.unit];
    const { planId, indicatorId } = people.indicatorIds.get(`${b.unit}:${b.action.indicator}`)!;
    const [node] = await tx.select({ id: sakipNodes.id }).from(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.planId, planId), eq(sakipNodes.code, b.code)));
    // Planned before the year began; spending entered with each quarter's realisations.
    await tx.insert(sakipBudgets).values(quarters.map((period, q) => ({
      regionCode, planId, nodeId: node.id, period, year: 2025, ceiling: b.ceiling, spending: b.spent[q], enteredAt: enteredAt(period), enteredBy: by.id, enteredByLabel: by.label,
    })));
    await tx.insert(sakipActionTargets).values(quarters.map((period, q) => ({
      regionCode, planId, indicatorId, period, year: 2025, value: b.action.targets[q], setAt: new Date(Date.UTC(2025, 0, 27, 3)), setBy: by.id, setByLabel: by.label,
    })));
  }
}

/**
 * A year's performance agreements as the use cases leave them: the head of
 * region's (from the RPJMD) and the health office head's (from its Renstra),
 * signed in January, their signing recorded by the coordinator; Diskominfo's
 * signed for 2025 (the year the public pages show first, with its LKjIP) and
 * still a draft for 2026. The officials' names are invented.
 */
async function seedAgreements(
  tx: Queryable, regionCode: string, unitOf: (code: string) => string,
  people: { coordinator: { id: string | null; label: string }; planners: Record<string, { id: string | null; label: string }> }, year: 2025 | 2026,
): Promise<void> {
  const bupati = { name: 'Bupati Sumedang (nama contoh)', position: 'Bupati Sumedang', nip: '' };
  const drafted = new Date(Date.UTC(year, 0, 5, 2));
  const signedAt = new Date(Date.UTC(year, 0, 12, 3));
  const signedOn = `${year}-01-12`;
  // A unit's programme budget as agreed: its 2025 DPA's (seedBudgets).
  const agreements: { unit: string | null; first: { name: string; position: string; nip: string }; signed: boolean; by: { id: string | null; label: string }; budget?: string }[] = [
    { unit: null, first: bupati, signed: true, by: people.coordinator },
    { unit: 'DINKES', first: { name: 'dr. Rina Kurniasih, M.K.M. (nama contoh)', position: 'Kepala Dinas Kesehatan', nip: '197603112005012004' }, signed: true, by: people.planners.DINKES, budget: '4750000000' },
    { unit: 'DISKOMINFO', first: { name: 'Asep Sukmana, S.Kom., M.T. (nama contoh)', position: 'Kepala Dinas Komunikasi dan Informatika', nip: '198002142006041003' }, signed: year === 2025, by: people.planners.DISKOMINFO, budget: '2400000000' },
  ];
  for (const a of agreements) {
    const unitId = a.unit ? unitOf(a.unit) : null;
    const [plan] = await tx.select().from(sakipPlans).where(and(eq(sakipPlans.regionCode, regionCode), unitId ? eq(sakipPlans.unitId, unitId) : sql`${sakipPlans.unitId} is null`));
    const [row] = await tx.insert(sakipAgreements).values({ regionCode, year, level: unitId ? 'unit' : 'region', unitId, planId: plan.id, version: 1, createdAt: drafted, updatedAt: a.signed ? signedAt : drafted }).returning();
    await tx.insert(sakipAgreementVersions).values({
      regionCode, agreementId: row.id, version: 1, status: a.signed ? 'signed' : 'draft', firstName: a.first.name, firstPosition: a.first.position, firstNip: a.first.nip,
      ...(unitId ? { secondName: bupati.name, secondPosition: bupati.position, secondNip: '' } : {}), place: 'Sumedang',
      createdAt: drafted, createdBy: a.by.id, createdByLabel: a.by.label,
      ...(a.signed ? { signedOn, signedAt, signedBy: people.coordinator.id, signedByLabel: people.coordinator.label } : {}),
    });
    // What drafting copies: the targets' (sasaran) indicators with the year's current target, then the programmes (with a budget for a unit).
    const rows = (await rowsFromPlan(tx, plan, unitId ? 'unit' : 'region', year, undefined, new Map())).map((r) => (r.kind === 'programme' && a.budget ? { ...r, budget: a.budget } : r));
    await tx.insert(sakipAgreementRows).values(rows.map((r, position) => ({ ...r, regionCode, agreementId: row.id, version: 1, position })));
  }
}

const DAY = 86_400_000;

/**
 * 2025's quarters and the year, closed, every unit's report in on time; and
 * the latest quarter of the plan years whose default due time has passed,
 * open: the health office reported (with its quarter's realisations), the
 * investment office's shared indicator reported by the coordinator, and
 * Diskominfo late, its deadline's rungs taken up to now (the demo sends no
 * notices: the sweep finds nothing left to do).
 */
async function seedReporting(
  tx: Queryable, regionCode: string, unitOf: (code: string) => string, now: Date,
  people: { coordinator: { id: string | null; label: string }; planners: Record<string, { id: string | null; label: string }>; indicatorIds: Map<string, { planId: string; indicatorId: string }> },
): Promise<void> {
  const region = await getRegion(tx, regionCode);
  const { dueWorkingDays, ladder } = region.settings.sakip.reporting;
  const calendar = await regionCalendar(tx, regionCode, new Date(Date.UTC(2025, 2, 1)), now);
  const offset = region.utcOffsetMinutes;
  const dueOf = (period: string) => defaultDueAt(periodEnd(parsePeriod(period), offset), dueWorkingDays[parsePeriod(period).kind], calendar);
  const reporters: Record<string, { id: string | null; label: string }> = { ...people.planners, DPMPTSP: people.coordinator };
  const unitCodes = ['DINKES', 'DISKOMINFO', 'DPMPTSP'];

  /** A period opened the day after it ended, with a report per unit: submitted at the time given, or not at all. */
  async function open(period: string, submitted: Record<string, Date | null>, closedAt: Date | null) {
    const p = parsePeriod(period);
    const dueAt = dueOf(period);
    await tx.insert(sakipReportingPeriods).values({
      regionCode, period, year: p.year, status: closedAt ? 'closed' : 'open', dueAt, openedAt: new Date(periodEnd(p, offset).getTime() + 2 * 3_600_000),
      openedBy: people.coordinator.id, openedByLabel: people.coordinator.label,
      ...(closedAt ? { closedAt, closedBy: people.coordinator.id, closedByLabel: people.coordinator.label } : {}),
    });
    for (const code of unitCodes) {
      const at = submitted[code];
      const [report] = await tx.insert(sakipUnitReports).values({
        regionCode, period, unitId: unitOf(code), ...(at ? { submittedAt: at, submittedBy: reporters[code].id, submittedByLabel: reporters[code].label } : {}),
      }).returning();
      const key = unitReportRecord(regionCode, report.id);
      await startStages(tx, key, [{ stage: 'report', unit: 'working_days', dueAt, targetAt: null, checkFrom: firstCheckAt(dueAt, ladder) }]);
      if (at || closedAt) {
        await meetStages(tx, key, 'all', at ?? closedAt!);
        continue;
      }
      // Late: the rungs due by now were taken (stage_escalations), the next is checked when due.
      const times = ladder.map((r) => new Date(dueAt.getTime() + r.afterHours * 3_600_000));
      const taken = times.filter((t) => t <= now).length;
      if (taken === 0) continue;
      await tx.insert(stageEscalations).values(ladder.slice(0, taken).map((rung, i) => ({ ...key, stage: 'report', round: 0, step: i + 1, rung, at: times[i] })));
      await tx.update(stageDeadlines).set({ escalationStep: taken, nextCheckAt: times[taken] ?? null }).where(and(
        eq(stageDeadlines.regionCode, regionCode), eq(stageDeadlines.module, key.module), eq(stageDeadlines.recordType, key.recordType), eq(stageDeadlines.recordId, key.recordId)));
    }
  }

  // 2025: reports in ten days after each period ended (as its realisations were entered), closed a week after they were due.
  for (const period of [...periodsOfYear('quarter', 2025), '2025']) {
    const inAt = enteredAt(period);
    await open(period, Object.fromEntries(unitCodes.map((c) => [c, inAt])), new Date(dueOf(period).getTime() + 7 * DAY));
  }

  const current = [2029, 2028, 2027, 2026].flatMap((y) => periodsOfYear('quarter', y).reverse()).find((q) => dueOf(q) <= now);
  if (!current) return;
  const inAt = new Date(periodEnd(parsePeriod(current), offset).getTime() + 5 * DAY);
  const realise = async (key: string, value: string, by: { id: string | null; label: string }) => {
    const { planId, indicatorId } = people.indicatorIds.get(key)!;
    await tx.insert(sakipRealisations).values({ regionCode, planId, indicatorId, period: current, year: parsePeriod(current).year, value, enteredAt: inAt, enteredBy: by.id, enteredByLabel: by.label });
  };
  const dinkes = people.planners.DINKES;
  await realise('RPJMD:Prevalensi stunting pada balita', '12.90', dinkes);
  await realise('DINKES:Prevalensi stunting pada balita', '12.90', dinkes);
  await realise('DINKES:Cakupan tablet tambah darah pada remaja putri', '74.30', dinkes);
  await realise('DINKES:Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar', '4395', dinkes);
  await realise('RPJMD:Persentase pengaduan yang ditanggapi tepat waktu', '88.70', people.coordinator);
  await open(current, { DINKES: inAt, DISKOMINFO: null, DPMPTSP: inAt }, null);
}
