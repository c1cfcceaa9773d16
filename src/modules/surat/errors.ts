// The correspondence module's error codes (part of the API contract: never
// renamed). Sections: reference data, letters and access, incoming,
// dispositions, outgoing (drafting, verification, signing, numbering,
// sending), filing and retention, exchange.
import { someOf, type ErrorEntry } from '../../platform/errors.js';

export const suratErrors = {
  // ---- reference data
  'surat.classification_unknown': [422, 'Kode klasifikasi arsip ini tidak ada atau tidak aktif (Permendagri 83/2022).', 'This archive classification code does not exist or is withdrawn (Permendagri 83/2022).', (d: { code?: string }) =>
    (d?.code ? { id: `Kode: ${d.code}.`, en: `Code: ${d.code}.` } : null)],
  'surat.document_type_unknown': [422, 'Jenis naskah dinas ini tidak ada atau tidak aktif.', 'This document type does not exist or is withdrawn.'],
  'surat.reference_not_found': [404, 'Baris referensi ini tidak ditemukan.', 'This reference row was not found.'],
  'surat.reference_unchanged': [409, 'Koreksi ini tidak mengubah apa pun.', 'This correction changes nothing.'],
  // ---- letters and access
  'surat.letter_not_found': [404, 'Naskah tidak ditemukan, atau Anda tidak berhak melihatnya.', 'Letter not found, or you may not see it.'],
  'surat.letter_closed': [403, 'Klasifikasi keamanan naskah ini tidak mengizinkan Anda membukanya; Anda hanya melihat bahwa naskah ini ada.', 'This letter\'s security class does not let you open it; you only see that it exists.'],
  'surat.unit_not_yours': [403, 'Anda tidak bertugas di perangkat daerah ini untuk naskah dinas.', 'You do not handle correspondence for this unit.'],
  'surat.unit_not_found': [422, 'Perangkat daerah ini bukan perangkat daerah aktif di daerah Anda.', 'This unit is not an active unit of your region.'],
  'surat.person_not_found': [422, 'Orang yang dituju tidak memegang peran naskah dinas di daerah ini.', 'The person named holds no correspondence role in this region.'],
  'surat.not_pdf': [415, 'Berkas naskah harus PDF (diperiksa dari isinya, bukan namanya).', 'A letter\'s file must be a PDF (checked by its content, not its name).'],
  'surat.attachment_not_found': [404, 'Lampiran tidak ditemukan.', 'Attachment not found.'],
  'surat.wrong_direction': [409, 'Tindakan ini tidak berlaku untuk naskah ke arah ini (masuk atau keluar).', 'This action does not apply to a letter of this direction (incoming or outgoing).'],
  // ---- incoming
  'surat.already_distributed': [409, 'Naskah ini sudah didistribusikan kepada pimpinan.', 'This letter has already been distributed to the leader.'],
  // ---- dispositions
  'surat.disposition_not_found': [404, 'Disposisi tidak ditemukan.', 'Disposition not found.'],
  'surat.disposition_not_yours': [403, 'Disposisi ini bukan untuk Anda.', 'This disposition is not addressed to you.'],
  'surat.not_disposer': [403, 'Anda tidak dapat mendisposisikan naskah ini: Anda bukan pimpinan yang menerimanya dan tidak menerima disposisinya.', 'You cannot dispose this letter: you are not the leader it was distributed to and did not receive a disposition of it.'],
  'surat.disposition_read': [409, 'Disposisi yang sudah dibaca penerimanya tidak dapat ditarik.', 'A disposition its recipient has read cannot be withdrawn.'],
  'surat.disposition_state': [409, 'Disposisi ini tidak dalam keadaan yang memungkinkan tindakan ini.', 'This disposition is not in a state that allows this action.', (d: { status?: string }) =>
    (d?.status ? { id: `Status: ${d.status}.`, en: `Status: ${d.status}.` } : null)],
  'surat.disposition_self': [422, 'Disposisi tidak ditujukan kepada diri sendiri.', 'A disposition is not addressed to oneself.'],
  // ---- outgoing
  'surat.not_draft': [409, 'Naskah ini tidak lagi berupa draf yang dapat diubah.', 'This letter is no longer a draft that can be changed.'],
  'surat.review_not_yours': [403, 'Giliran paraf ini bukan milik Anda.', 'This verification turn is not yours.'],
  'surat.not_signer': [403, 'Anda bukan penandatangan naskah ini.', 'You are not this letter\'s signer.'],
  'surat.not_ready_to_sign': [409, 'Naskah belum siap ditandatangani: paraf semua verifikator belum lengkap.', 'The letter is not ready to sign: not every verifier has initialled it.'],
  'surat.already_signed': [409, 'Naskah ini sudah ditandatangani dan diberi nomor; nomor tidak diberikan dua kali.', 'This letter is already signed and numbered; a number is never given twice.'],
  'surat.not_signed': [409, 'Naskah ini belum ditandatangani.', 'This letter is not signed yet.'],
  'surat.already_sent': [409, 'Naskah ini sudah dikirim.', 'This letter has already been sent.'],
  'surat.no_recipient': [422, 'Naskah keluar memerlukan sedikitnya satu tujuan.', 'An outgoing letter needs at least one recipient.'],
  'surat.region_not_found': [422, 'Daerah tujuan tidak ada di instalasi Pamong ini.', 'The destination region is not on this Pamong installation.'],
  'surat.pattern_invalid': [422, 'Pola penomoran ini tidak dapat dipakai.', 'This numbering pattern cannot be used.', (d: { unknown?: string[]; missing?: string[] }) => {
    const parts = [...(d?.unknown ?? []).map((t) => `{${t}}`)];
    const missing = (d?.missing ?? []).map((t) => `{${t}}`);
    if (!parts.length && !missing.length) return null;
    return {
      id: [parts.length ? `Tidak dikenal: ${parts.join(', ')}.` : '', missing.length ? `Wajib ada: ${missing.join(', ')}.` : ''].filter(Boolean).join(' '),
      en: [parts.length ? `Unknown: ${parts.join(', ')}.` : '', missing.length ? `Required: ${missing.join(', ')}.` : ''].filter(Boolean).join(' '),
    };
  }],
  'surat.not_drafter': [403, 'Hanya penyusun draf ini yang dapat mengubah atau mengajukannya.', 'Only the person who drafted this letter can change or submit it.'],
  'surat.memo_internal': [422, 'Nota dinas hanya ditujukan kepada perangkat daerah di daerah sendiri.', 'A memo is addressed only to units of the region.'],
  'surat.signer_not_allowed': [422, 'Penanda tangan harus pemegang peran penanda tangan atau kepala perangkat daerah ini, atau kepala daerah.', 'The signer must hold the signer role or be head of this unit, or be head of region.'],
  'surat.verifier_not_allowed': [422, 'Verifikator harus pemegang peran verifikator naskah di daerah ini.', 'A verifier must hold the letter verifier role in this region.'],
  'surat.no_signer_certificate': [409, 'Daerah belum memasang sertifikat penanda tangan elektronik; tandai sebagai ditandatangani basah, atau minta admin memasangnya.', 'The region has no electronic signing certificate; mark it as signed on paper, or ask the admin to install one.'],
  // ---- filing and retention
  'surat.file_not_found': [404, 'Berkas arsip tidak ditemukan.', 'Record file not found.'],
  'surat.file_closed': [409, 'Berkas ini sudah ditutup; naskah tidak ditambahkan lagi.', 'This file is closed; letters are no longer added to it.'],
  'surat.file_classification': [422, 'Klasifikasi naskah tidak termasuk klasifikasi berkas ini.', 'The letter\'s classification is not under this file\'s classification.'],
  'surat.no_retention': [422, 'Jadwal retensi arsip daerah belum mengatur klasifikasi ini.', 'The region\'s retention schedule does not cover this classification.', (d: { code?: string }) =>
    (d?.code ? { id: `Kode: ${d.code}.`, en: `Code: ${d.code}.` } : null)],
  'surat.not_due': [409, 'Berkas ini belum melewati masa retensinya untuk tindakan ini.', 'This file has not passed its retention period for this action.', (d: { files?: string[] }) =>
    (d?.files?.length ? someOf(d.files) : null)],
  'surat.disposal_not_found': [404, 'Usul penyusutan tidak ditemukan.', 'Disposal proposal not found.'],
  'surat.disposal_decided': [409, 'Usul penyusutan ini sudah diputus.', 'This disposal proposal has already been decided.'],
  'surat.disposal_pending': [409, 'Berkas ini sudah ada dalam usul penyusutan yang menunggu keputusan.', 'This file is already in a disposal proposal awaiting a decision.', (d: { files?: string[] }) =>
    (d?.files?.length ? someOf(d.files) : null)],
  'surat.disposal_own': [403, 'Pengusul tidak memutus usulnya sendiri.', 'A proposer does not decide their own proposal.'],
  'surat.retention_invalid': [422, 'Berkas jadwal retensi tidak dapat dibaca; tidak ada yang disimpan.', 'The retention schedule file cannot be read; nothing was saved.', (d: { issues?: string[] }) =>
    (d?.issues?.length ? someOf(d.issues, 5) : null)],
  // ---- exchange
  'surat.import_format': [422, 'Berkas ini bukan paket pertukaran naskah yang dikenal (lihat README); tidak ada yang diimpor.', 'This file is not a letter-exchange package this installation knows (see the README); nothing was imported.', (d: { issues?: string[] }) =>
    (d?.issues?.length ? someOf(d.issues, 5) : null)],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof suratErrors, true> {}
}
