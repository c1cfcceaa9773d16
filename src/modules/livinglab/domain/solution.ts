// What a Living Lab solution is, as data: its classification, the facts of
// an application outside Pamong, its mentor, its learning kit, and the file a
// package travels in between installations. Pure: no database.
import { z } from 'zod';
import type { Words } from '../../../platform/errors.js';
import { readFileSync } from 'node:fs';

/** The SPBE architecture's two service domains (Perpres 132/2022). */
export const DOMAINS = {
  publik: { id: 'Layanan publik', en: 'Public services' },
  administrasi: { id: 'Layanan administrasi pemerintahan', en: 'Government administration' },
} as const satisfies Record<string, Words>;
export type Domain = keyof typeof DOMAINS;
export const domainSchema = z.enum(Object.keys(DOMAINS) as [Domain, ...Domain[]]);

/** Fields of government affairs (bidang urusan, Permendagri 90/2019), by code. */
const bidangFile = JSON.parse(readFileSync(new URL('../reference/bidang-urusan.json', import.meta.url), 'utf8')) as { bidang: { kode: string; nama: string }[] };
export const SECTORS: ReadonlyMap<string, string> = new Map(bidangFile.bidang.map((b) => [b.kode, b.nama]));
export const sectorSchema = z.string().refine((s) => SECTORS.has(s), { message: 'not a bidang urusan code of Permendagri 90/2019 (e.g. 2.16)' });

/**
 * National general applications (aplikasi umum) regions must use rather than
 * build their own (Perpres 95/2018): a region's application that does the same
 * is flagged. From a province's list in the domain research (secondary source).
 */
export const NATIONAL_APPLICATIONS = {
  srikandi: 'SRIKANDI (kearsipan dinamis / naskah dinas)',
  'sp4n-lapor': 'SP4N-LAPOR! (pengaduan pelayanan publik)',
  sipd: 'SIPD (perencanaan dan keuangan daerah)',
  spse: 'SPSE (pengadaan barang/jasa)',
  krisna: 'KRISNA (perencanaan dan penganggaran)',
} as const;
export type NationalApplication = keyof typeof NATIONAL_APPLICATIONS;
export const nationalApplicationSchema = z.enum(Object.keys(NATIONAL_APPLICATIONS) as [NationalApplication, ...NationalApplication[]]);

const SPDX = /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/;
const url = z.url({ protocol: /^https?$/ }).max(500);

/** An application outside Pamong, as the SPBE architecture's application inventory describes it. */
export const applicationFactsSchema = z.object({
  ownerUnit: z.string().trim().min(1).max(200).describe('Perangkat daerah pemilik / the owning unit'),
  purpose: z.string().trim().min(1).max(2000).describe('Kegunaan / what it is for'),
  type: z.enum(['umum', 'khusus']).describe('Aplikasi umum (nasional, bagi pakai) atau aplikasi khusus / a national general application or a specific one'),
  /** The national general application it does the same work as, when any. */
  duplicates: nationalApplicationSchema.nullable().default(null),
  licence: z.string().trim().max(100).regex(SPDX).nullable().default(null).describe('Lisensi sebagai ekspresi SPDX (AGPL-3.0-or-later) / the licence as an SPDX expression'),
  repository: url.nullable().default(null).describe('Repositori kode sumber / source repository'),
  stack: z.string().trim().max(200).default('').describe('Teknologi / stack'),
  hosting: z.string().trim().max(200).default('').describe('Tempat berjalan (PDN, pusat data daerah, ...) / where it runs'),
  contact: z.string().trim().max(200).default('').describe('Kontak (surel atau telepon kantor) / a contact (office email or phone)'),
});
export type ApplicationFacts = z.infer<typeof applicationFactsSchema>;

/** Who to ask: a named official of the owner region, by their office contact. */
export const mentorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).default(''),
  contact: z.string().trim().min(1).max(200).describe('Surel atau telepon kantor / office email or phone'),
});
export type Mentor = z.infer<typeof mentorSchema>;

/** The parts of a learning kit. */
export const KIT_KINDS = {
  sop: { id: 'SOP', en: 'SOP' },
  regulation: { id: 'Rancangan peraturan (Perkada/SK)', en: 'Draft regulation (Perkada/SK)' },
  training: { id: 'Materi pelatihan', en: 'Training material' },
  video: { id: 'Video pelatihan', en: 'Training video' },
  screenshot: { id: 'Tangkapan layar', en: 'Screenshot' },
} as const satisfies Record<string, Words>;
export type KitKind = keyof typeof KIT_KINDS;
export const kitKindSchema = z.enum(Object.keys(KIT_KINDS) as [KitKind, ...KitKind[]]);

/** What each kit part may be, by decoded content: documents as PDF or office files, videos as MP4/WebM, screenshots as images. */
export const KIT_TYPES: Record<KitKind, readonly string[]> = {
  sop: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  regulation: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  training: ['application/pdf', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  video: ['video/mp4', 'video/webm'],
  screenshot: ['image/png', 'image/jpeg', 'image/webp'],
};

/** A kit file: 20 MB (a short training clip at low resolution; longer videos are better linked from the description). */
export const KIT_MAX_BYTES = 20 * 1024 * 1024;

/** The file a package travels in between installations (docs in README "Package file format"). */
export const PACKAGE_FILE_FORMAT = 'pamong-livinglab-package';
export const PACKAGE_FILE_VERSION = 1;

export const packageFileSchema = z.object({
  format: z.literal(PACKAGE_FILE_FORMAT),
  formatVersion: z.literal(PACKAGE_FILE_VERSION),
  /** The module's package kind, as module.key, and its content format version. */
  packageKind: z.string().regex(/^[a-z]+\.[a-z-]+$/),
  contentVersion: z.number().int().min(1),
  source: z.object({
    installation: z.string().max(500).nullable(),
    region: z.object({ code: z.string().max(20), name: z.string().max(200) }),
    solution: z.object({ id: z.string().max(100), title: z.string().max(300) }),
    version: z.number().int().min(1),
    publishedAt: z.string().max(40),
  }),
  content: z.unknown(),
}).strict();
export type PackageFile = z.infer<typeof packageFileSchema>;
