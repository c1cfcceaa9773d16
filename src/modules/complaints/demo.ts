// The demo region's complaint setup: deadlines, categories with their
// questions and descriptions, and who handles each (the demo's units).
import type { Queryable } from '../../platform/db/client.js';
import type { DemoPlace } from '../../platform/modules/contract.js';
import { categories, routingRules, slaPolicies } from './schema.js';
import type { Question } from './domain/questions.js';

const severity: Question = {
  code: 'tingkat_kerusakan', datatype: 'singlevaluelist', required: true,
  description: { id: 'Seberapa parah kerusakannya?', en: 'How severe is the damage?' },
  values: [
    { key: 'ringan', name: { id: 'Ringan', en: 'Minor' } },
    { key: 'sedang', name: { id: 'Sedang', en: 'Moderate' } },
    { key: 'berat', name: { id: 'Berat, membahayakan', en: 'Severe, dangerous' } },
  ],
};

const demoCategories: { code: string; nameId: string; nameEn: string; group: string; unit: string; questions: Question[]; keywords: string; locationRequired?: boolean }[] = [
  { code: 'jalan-rusak', nameId: 'Jalan rusak atau berlubang', nameEn: 'Damaged road or pothole', group: 'Infrastruktur', unit: 'PUPR', questions: [severity], keywords: 'jalan lubang aspal' },
  { code: 'jembatan', nameId: 'Jembatan rusak', nameEn: 'Damaged bridge', group: 'Infrastruktur', unit: 'PUPR', questions: [severity], keywords: 'jembatan', locationRequired: true },
  { code: 'drainase', nameId: 'Saluran air tersumbat / banjir', nameEn: 'Blocked drain / flooding', group: 'Infrastruktur', unit: 'PUPR', questions: [], keywords: 'banjir got selokan' },
  { code: 'sampah', nameId: 'Sampah menumpuk', nameEn: 'Uncollected rubbish', group: 'Lingkungan', unit: 'DLH', questions: [], keywords: 'sampah tps' },
  { code: 'pju', nameId: 'Lampu penerangan jalan mati', nameEn: 'Street light out', group: 'Infrastruktur', unit: 'DISHUB', questions: [], keywords: 'lampu pju' },
  { code: 'layanan-kesehatan', nameId: 'Layanan puskesmas / rumah sakit', nameEn: 'Health centre or hospital service', group: 'Layanan publik', unit: 'DINKES', questions: [], keywords: 'puskesmas rsud bpjs' },
  { code: 'perizinan', nameId: 'Pelayanan perizinan', nameEn: 'Permit services', group: 'Layanan publik', unit: 'DPMPTSP', questions: [], keywords: 'izin pbg nib' },
  { code: 'sekolah', nameId: 'Sekolah dan pendidikan', nameEn: 'Schools and education', group: 'Layanan publik', unit: 'DISDIK', questions: [], keywords: 'sekolah guru ppdb' },
];

/** What each demo category covers, shown to citizens and to Open311 clients as the service description. */
const demoDescriptions: Record<string, string> = {
  'jalan-rusak': 'Jalan kabupaten yang berlubang, retak, amblas atau aspalnya mengelupas sehingga membahayakan pengguna jalan.',
  jembatan: 'Jembatan yang rusak, retak, miring, pagar pengamannya hilang, atau tidak aman dilalui kendaraan maupun pejalan kaki.',
  drainase: 'Selokan, gorong-gorong atau saluran air yang tersumbat, meluap, atau menyebabkan genangan dan banjir di permukiman maupun jalan.',
  sampah: 'Sampah yang tidak terangkut, menumpuk di TPS atau di pinggir jalan dan sungai, serta pembuangan sampah liar.',
  pju: 'Lampu penerangan jalan umum yang mati, berkedip, menyala pada siang hari, atau tiang lampunya rusak dan membahayakan.',
  'layanan-kesehatan': 'Pelayanan di puskesmas atau rumah sakit daerah: antrean, sikap petugas, ketersediaan obat, biaya, atau layanan BPJS Kesehatan.',
  perizinan: 'Pelayanan perizinan dan nonperizinan di Mal Pelayanan Publik atau DPMPTSP, seperti PBG, NIB dan izin usaha: persyaratan, waktu, atau biaya.',
  sekolah: 'Sekolah negeri di bawah pemerintah kabupaten: bangunan rusak, kekurangan guru, penerimaan murid baru (SPMB/PPDB), atau pungutan.',
};

export async function seedRegionDefaults(tx: Queryable, regionCode: string): Promise<void> {
  // 2×24 hours for a first response, aiming for 1×24 (national complaint-handling norm).
  await tx.insert(slaPolicies).values([
    { regionCode, categoryId: null, stage: 'verification', amount: 1, unit: 'working_days', targetAmount: null },
    { regionCode, categoryId: null, stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 },
    { regionCode, categoryId: null, stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null },
  ]).onConflictDoNothing();
}

export async function seedComplaintDemo(tx: Queryable, place: DemoPlace): Promise<void> {
  for (const region of [place.region, place.province]) await seedRegionDefaults(tx, region);
  for (const c of demoCategories) {
    const [cat] = await tx.insert(categories).values({ regionCode: place.region, code: c.code, nameId: c.nameId, nameEn: c.nameEn, group: c.group, description: demoDescriptions[c.code], keywords: c.keywords, questions: c.questions, locationRequired: c.locationRequired ?? false }).returning();
    await tx.insert(routingRules).values({ regionCode: place.region, categoryId: cat.id, unitId: place.unit(c.unit), validFrom: place.now });
  }
  const [provCat] = await tx.insert(categories).values({ regionCode: place.province, code: 'jalan-rusak', nameId: 'Jalan provinsi rusak', nameEn: 'Damaged provincial road', group: 'Infrastruktur',
    description: 'Jalan provinsi yang berlubang, retak atau amblas di wilayah Jawa Barat.', questions: [severity] }).returning();
  await tx.insert(routingRules).values({ regionCode: place.province, categoryId: provCat.id, unitId: place.unit('DBMPR', place.province), validFrom: place.now });
}
