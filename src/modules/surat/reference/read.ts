// The correspondence reference data ships inside the module (this folder,
// sources in SOURCES.md), so the product never reads the shared data pack at
// run time. A missing file is a broken installation, reported as the platform
// reports its own reference data.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MissingReferenceData } from '../../../platform/reference.js';

export const CLASSIFICATION_FILE = 'klasifikasi-arsip-permendagri-83-2022.json';
export const DOCUMENT_TYPE_FILE = 'jenis-naskah-dinas-permendagri-1-2023.json';

function readHere(file: string): unknown {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(path)) throw new MissingReferenceData(path);
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const classificationFile = z.object({
  entries: z.array(z.object({ code: z.string().regex(/^\d{3}(\.\d+){0,3}$/), name: z.string().min(1), level: z.number().int().min(1).max(4), parent_code: z.string().nullable() })).min(1),
});
const documentTypeFile = z.object({
  jenis: z.array(z.object({ nama: z.string().min(1), layout: z.enum(['korespondensi', 'berjudul']).optional(), singkatan: z.string().optional() })),
  jenis_tambahan_dari_sumber_layout: z.array(z.object({ nama: z.string().min(1), layout: z.enum(['korespondensi', 'berjudul']).optional() })),
});

export interface ClassificationRow { code: string; name: string; level: number; parentCode: string | null }
export interface DocumentTypeRow { code: string; name: string; layout: 'korespondensi' | 'berjudul'; title: string | null }

/** The 2,982 classification codes of Permendagri 83/2022 (Lampiran B), as shipped. */
export function classificationRows(): ClassificationRow[] {
  return classificationFile.parse(readHere(CLASSIFICATION_FILE)).entries.map((e) => ({ code: e.code, name: e.name, level: e.level, parentCode: e.parent_code }));
}

/** A type's code: its name in lower case with hyphens ("Surat Tugas" → surat-tugas). */
export const documentTypeCode = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The document types as shipped; a type whose layout no source states is korespondensi until corrected (SOURCES.md). */
export function documentTypeRows(): DocumentTypeRow[] {
  const file = documentTypeFile.parse(readHere(DOCUMENT_TYPE_FILE));
  return [...file.jenis, ...file.jenis_tambahan_dari_sumber_layout].map((j) => {
    const layout = j.layout ?? 'korespondensi';
    return { code: documentTypeCode(j.nama), name: j.nama, layout, title: layout === 'berjudul' ? j.nama.toUpperCase() : null };
  });
}
