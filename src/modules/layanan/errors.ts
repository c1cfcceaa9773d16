// The public-services module's error codes (part of the API contract: never renamed).
import { someOf, type ErrorEntry, type Words } from '../../platform/errors.js';
import { COMPONENTS, type ComponentKey } from './domain/standard.js';
import type { Problem } from './domain/problems.js';
import { standardReferenceData } from './reference/read.js';

/** The components still empty, by their names in the regulation's order. */
const missingWords = (d: { missing?: ComponentKey[] }): Words | null => {
  if (!d?.missing?.length) return null;
  const names = standardReferenceData().komponen;
  const list = COMPONENTS.filter((c) => d.missing!.includes(c.key));
  return {
    id: `Belum diisi: ${list.map((c) => `${c.no}. ${names.find((n) => n.no === c.no)?.nama ?? c.en}`).join('; ')}.`,
    en: `Still empty: ${list.map((c) => `${c.no}. ${c.en}`).join('; ')}.`,
  };
};

/** A definition's problems, each in its language, with the field or stage it is about. */
const problemWords = (d: { problems?: Problem[] }): Words | null => {
  if (!d?.problems?.length) return null;
  const list = (lang: 'id' | 'en') => d.problems!.map((p) => `${p.at ? `${p.at}: ` : ''}${p.messages[lang]}`).join(' ');
  return { id: list('id'), en: list('en') };
};

/** The lines of a file to fix, and what is wrong on the first few. */
const lineWords = (d: { problems?: { line: number; message: Words }[] }): Words | null => {
  const problems = d?.problems ?? [];
  if (!problems.length) return null;
  const lines = someOf([...new Set(problems.map((p) => p.line))]);
  const first = problems.slice(0, 3);
  return {
    id: `Periksa baris ${lines.id}: ${first.map((p) => `baris ${p.line}: ${p.message.id}`).join('; ')}.`,
    en: `Check line ${lines.en}: ${first.map((p) => `line ${p.line}: ${p.message.en}`).join('; ')}.`,
  };
};

export const layananErrors = {
  'layanan.service_not_found': [404, 'Layanan tidak ditemukan di daerah ini.', 'Service not found in this region.'],
  'layanan.version_not_found': [404, 'Versi standar pelayanan ini tidak ada.', 'This version of the service standard does not exist.'],
  'layanan.slug_taken': [409, 'Alamat (slug) ini sudah dipakai layanan lain di daerah ini; pilih yang lain.', 'This address (slug) is already used by another service in this region; choose another.', (d: { slug?: string }) =>
    (d?.slug ? { id: `Slug: "${d.slug}".`, en: `Slug: "${d.slug}".` } : null)],
  'layanan.not_your_unit': [403, 'Layanan ini milik perangkat daerah lain; Anda hanya mengelola layanan perangkat daerah Anda.', 'This service belongs to another unit; you manage only your own unit\'s services.'],
  'layanan.standard_incomplete': [409, 'Standar pelayanan belum lengkap: ke-14 komponen wajib diisi (dan tarif bila layanan berbayar) sebelum diterbitkan. Draf tetap tersimpan.', 'The service standard is incomplete: all 14 components (and the tariff when the service is not free) must be filled before publishing. The draft is kept.', missingWords],
  'layanan.definition_invalid': [422, 'Formulir atau alur layanan tidak dapat disimpan; draf tidak diubah.', 'The service\'s form or workflow cannot be saved; the draft was not changed.', problemWords],
  'layanan.definition_incomplete': [409, 'Formulir, alur, templat hasil atau tarif belum cocok satu sama lain atau dengan standar; perbaiki sebelum diterbitkan. Draf tetap tersimpan.', 'The form, workflow, result template or tariff do not fit each other or the standard yet; fix them before publishing. The draft is kept.', problemWords],
  'layanan.unchanged': [409, 'Tidak ada perubahan untuk diterbitkan: draf sama dengan versi yang berlaku.', 'Nothing to publish: the draft is the version already in force.'],
  'layanan.not_published': [409, 'Layanan ini tidak sedang diterbitkan, jadi tidak dapat diarsipkan.', 'This service is not published, so it cannot be archived.'],
  'layanan.published_once': [409, 'Layanan yang pernah diterbitkan tidak dihapus (versinya tetap dapat dibaca); arsipkan saja.', 'A service that was ever published is not deleted (its versions stay readable); archive it instead.'],
  'layanan.skm_answer_out_of_range': [422, 'Jawaban survei harus bilangan bulat 1–4 (atau kosong bila responden tidak mengisi unsur itu). Formulir tidak disimpan.', 'A survey answer must be a whole number 1–4 (or empty where the respondent left the element blank). The form was not saved.', (d: { elements?: string[] }) =>
    (d?.elements?.length ? { id: `Unsur: ${d.elements.join(', ')}.`, en: `Elements: ${d.elements.join(', ')}.` } : null)],
  'layanan.skm_form_empty': [422, 'Formulir survei tanpa satu pun jawaban tidak dihitung. Formulir tidak disimpan.', 'A survey form without a single answer is not counted. The form was not saved.'],
  'layanan.skm_future_date': [422, 'Tanggal pelayanan belum terjadi; isi tanggal pengguna menerima layanan.', 'The date of service is in the future; give the date the user received the service.'],
  'layanan.skm_never_published': [409, 'Layanan ini belum pernah diterbitkan, jadi belum ada pengguna yang dapat disurvei.', 'This service was never published, so nobody can have used it yet.'],
  'layanan.skm_period_invalid': [400, 'Periode harus berbentuk 2026 (tahun), 2026-S1 (semester), 2026-Q1 (triwulan) atau 2026-03 (bulan).', 'The period must read 2026 (year), 2026-S1 (semester), 2026-Q1 (quarter) or 2026-03 (month).', (d: { value?: string }) =>
    (d?.value !== undefined ? { id: `Diterima: "${d.value}".`, en: `Received: "${d.value}".` } : null)],
  'layanan.skm_instrument_unknown': [400, 'Versi instrumen survei kepuasan tidak dikenal.', 'Unknown version of the satisfaction-survey instrument.'],
  'layanan.skm_form_not_found': [404, 'Formulir survei tidak ditemukan di daerah ini.', 'Survey form not found in this region.'],
  'layanan.skm_online_answer': [409, 'Jawaban ini diisi pemohon sendiri secara daring; petugas tidak dapat mengubah atau menghapusnya. Hanya formulir kertas yang dimasukkan petugas yang dapat dikoreksi.', 'This answer was given online by the applicant; staff cannot change or delete it. Only paper forms entered by staff can be corrected.'],
  'layanan.not_taking_applications': [409, 'Layanan ini sedang tidak menerima permohonan (belum terbit atau diarsipkan).', 'This service is not taking applications (not published, or archived).'],
  'layanan.answers_invalid': [422, 'Isian permohonan tidak sesuai formulir layanan; perbaiki isian yang disebutkan. Permohonan tidak disimpan.', 'The answers do not fit the service\'s form; correct the fields named. The application was not saved.', (d: { fields?: { key: string; messages: { id: string; en: string } }[] }) =>
    (d?.fields?.length ? { id: d.fields.map((f) => `${f.key || 'isian'}: ${f.messages.id}`).join(' '), en: d.fields.map((f) => `${f.key || 'answers'}: ${f.messages.en}`).join(' ') } : null)],
  'layanan.document_type': [422, 'Berkas harus PDF, JPEG atau PNG (diperiksa dari isinya, bukan dari nama berkas).', 'A document must be a PDF, JPEG or PNG (checked by its content, not its name).'],
  'layanan.document_field_missing': [400, 'Setiap berkas dikirim pada bagian bernama berkas.<kunci isian>, mis. berkas.ktp.', 'Each file is sent in a part named berkas.<field key>, e.g. berkas.ktp.'],
  'layanan.application_not_found': [404, 'Permohonan tidak ditemukan di daerah ini.', 'Application not found in this region.'],
  'layanan.external_ref_used': [409, 'Referensi ini sudah dipakai untuk permohonan lain dari integrasi yang sama; tidak ada yang disimpan.', 'This reference already names another application from the same integration; nothing was saved.', (d: { externalRef?: string; registrationNo?: string }) =>
    (d?.registrationNo ? { id: `Referensi ${d.externalRef}: permohonan ${d.registrationNo}.`, en: `Reference ${d.externalRef}: application ${d.registrationNo}.` } : null)],
  'layanan.action_not_open': [409, 'Tindakan ini tidak dapat dilakukan pada posisi permohonan sekarang.', 'This action is not open at the application\'s current position.', (d: { action?: string; status?: string; stage?: string | null }) =>
    (d?.action ? { id: `Tindakan "${d.action}" pada status ${d.status}${d.stage ? `, tahap ${d.stage}` : ''}.`, en: `Action "${d.action}" at status ${d.status}${d.stage ? `, stage ${d.stage}` : ''}.` } : null)],
  'layanan.not_your_stage': [403, 'Tahap ini dikerjakan oleh peran atau perangkat daerah lain.', 'This stage is acted on by another role or unit.', (d: { stage?: string; role?: string }) =>
    (d?.stage ? { id: `Tahap ${d.stage}: peran ${d.role}.`, en: `Stage ${d.stage}: role ${d.role}.` } : null)],
  'layanan.survey_not_open': [409, 'Survei kepuasan dibuka setelah permohonan selesai diputus.', 'The satisfaction survey opens once the application is decided and finished.'],
  'layanan.survey_answered': [409, 'Survei untuk permohonan ini sudah diisi; terima kasih.', 'The survey for this application was already answered; thank you.'],
  'layanan.reason_required': [422, 'Tuliskan alasannya: pemohon akan membacanya.', 'Write the reason: the applicant will read it.'],
  'layanan.document_not_found': [404, 'Dokumen tidak ditemukan: tidak ada dokumen terbitan dengan kode ini.', 'Document not found: no issued document has this code.'],
  'layanan.document_revoked': [409, 'Dokumen ini sudah dicabut sebelumnya.', 'This document was already revoked.'],
  'layanan.numbering_pattern_invalid': [422, 'Pola penomoran tidak dapat dipakai: harus memuat nomor urut dan tahun, dan hanya token yang dikenal (nomor urut, kode layanan, kode perangkat daerah, bulan dalam angka Romawi atau dua digit, tahun).', 'The numbering pattern cannot be used: it must contain the sequence and the year, and only known tokens (sequence, service code, unit code, month in Roman numerals or two digits, year).', (d: { unknown?: string[]; missing?: string[] }) => {
    const parts = [...(d?.unknown?.length ? [`{${d.unknown.join('}, {')}}`] : []), ...(d?.missing?.length ? [`{${d.missing.join('}, {')}}`] : [])];
    if (!parts.length) return null;
    return {
      id: [d.unknown?.length ? `Tidak dikenal: ${parts[0]}.` : '', d.missing?.length ? `Belum ada: ${parts.at(-1)}.` : ''].filter(Boolean).join(' '),
      en: [d.unknown?.length ? `Unknown: ${parts[0]}.` : '', d.missing?.length ? `Missing: ${parts.at(-1)}.` : ''].filter(Boolean).join(' '),
    };
  }],
  'layanan.certificate_unreadable': [422, 'Berkas sertifikat tidak dapat dibuka: bukan PKCS#12 (.p12/.pfx) berisi sertifikat dan kunci privatnya, atau kata sandinya salah.', 'The certificate file cannot be opened: it is not a PKCS#12 (.p12/.pfx) with a certificate and its private key, or the passphrase is wrong.'],
  'layanan.certificate_expired': [409, 'Sertifikat penanda tangan sudah kedaluwarsa; dokumen tidak ditandatangani dengannya. Unggah sertifikat yang berlaku.', 'The signing certificate has expired; documents are not signed with it. Upload a valid certificate.', (d: { notAfter?: string }) =>
    (d?.notAfter ? { id: `Berlaku sampai ${d.notAfter}.`, en: `Valid until ${d.notAfter}.` } : null)],
  'layanan.certificate_not_yet_valid': [409, 'Sertifikat penanda tangan belum berlaku; dokumen tidak ditandatangani dengannya.', 'The signing certificate is not valid yet; documents are not signed with it.', (d: { notBefore?: string }) =>
    (d?.notBefore ? { id: `Berlaku mulai ${d.notBefore}.`, en: `Valid from ${d.notBefore}.` } : null)],
  'layanan.signing_wrong_passphrase': [409, 'Layanan tanda tangan menolak kata sandi (passphrase) penanda tangan. Dokumen tidak diterbitkan.', 'The signing service refused the signer\'s passphrase. The document was not issued.'],
  'layanan.signing_signer_unknown': [409, 'Penanda tangan belum terdaftar di layanan tanda tangan elektronik. Dokumen tidak diterbitkan.', 'The signer is not registered with the signing service. The document was not issued.'],
  'layanan.signing_unavailable': [503, 'Layanan tanda tangan elektronik tidak dapat dihubungi atau tidak menjawab dengan benar. Dokumen tidak diterbitkan; coba lagi nanti.', 'The signing service could not be reached or did not answer properly. The document was not issued; try again later.'],
  'layanan.check_not_pdf': [422, 'Berkas yang diperiksa harus PDF.', 'The file to check must be a PDF.'],
  'layanan.bill_not_found': [404, 'Tagihan tidak ditemukan di daerah ini.', 'Bill not found in this region.'],
  'layanan.bill_not_cancellable': [409, 'Tagihan yang sudah dibayar atau dibatalkan tidak dapat dibatalkan.', 'A bill that is paid or already cancelled cannot be cancelled.'],
  'layanan.billing_code_unknown': [404, 'Kode bayar tidak dikenal di daerah ini; pembayaran tidak dicatat.', 'Unknown billing code in this region; the payment was not credited.'],
  'layanan.payment_amount_mismatch': [409, 'Jumlah pembayaran berbeda dengan tagihan; pembayaran tidak dicatat dan perlu dikembalikan.', 'The amount paid differs from the bill; the payment was not credited and must be refunded.'],
  'layanan.bill_already_paid': [409, 'Tagihan ini sudah lunas oleh transaksi lain; pembayaran ini dicatat untuk dikembalikan.', 'This bill was already paid by another transaction; this payment is recorded for a refund.'],
  'layanan.bill_expired': [409, 'Tagihan ini sudah lewat jatuh tempo; pembayaran tidak dicatat.', 'This bill is past its due date; the payment was not credited.'],
  'layanan.bill_cancelled': [409, 'Tagihan ini sudah dibatalkan; pembayaran tidak dicatat.', 'This bill was cancelled; the payment was not credited.'],
  'layanan.payment_reference_used': [409, 'Nomor transaksi bank ini sudah melunasi tagihan lain; pembayaran tidak dicatat.', 'This bank transaction already paid another bill; the payment was not credited.'],
  'layanan.callback_signature_invalid': [401, 'Tanda tangan callback (X-Signature) tidak cocok dengan kunci rahasia kanal pembayaran daerah ini.', 'The callback signature (X-Signature) does not match this region\'s payment-channel secret.'],
  'layanan.payment_channel_not_set': [409, 'Daerah ini belum mengatur kanal pembayaran QRIS.', 'This region has not set up its QRIS payment channel.'],
  'layanan.payment_secret_required': [422, 'Kunci rahasia callback wajib diisi saat kanal pembayaran pertama kali diatur.', 'The callback secret is required when the payment channel is first set up.'],
  'layanan.statement_invalid': [422, 'Berkas mutasi rekening tidak dapat dibaca; tidak ada yang direkonsiliasi.', 'The bank statement cannot be read; nothing was reconciled.', lineWords],
  'layanan.reconciliation_not_found': [404, 'Rekonsiliasi tidak ditemukan di daerah ini.', 'Reconciliation not found in this region.'],
  'layanan.tax_import_invalid': [422, 'Berkas tagihan pajak memuat baris yang salah; tidak ada yang diimpor. Perbaiki semua baris yang disebut, lalu impor lagi.', 'The tax bills file has bad lines; nothing was imported. Fix every line named, then import again.', lineWords],
  'layanan.package_service_unknown': [404, 'Layanan yang dipilih untuk paket tidak ada atau tidak sedang terbit di daerah ini; paket tidak dibuat.', 'A service chosen for the package does not exist or is not published in this region; no package was made.', (d: { keys?: string[] }) =>
    (d?.keys?.length ? { id: `Kunci: ${d.keys.join(', ')}.`, en: `Keys: ${d.keys.join(', ')}.` } : null)],
  'layanan.package_invalid': [422, 'Paket layanan tidak dapat diterapkan: isinya tidak konsisten. Tidak ada yang diubah.', 'The services package cannot be applied: its content is inconsistent. Nothing was changed.', (d: { problems?: { at: string; messages: Words }[] }) =>
    (d?.problems?.length ? { id: d.problems.map((p) => `${p.at}: ${p.messages.id}`).join(' '), en: d.problems.map((p) => `${p.at}: ${p.messages.en}`).join(' ') } : null)],
  'layanan.package_unit_unmapped': [422, 'Setiap perangkat daerah yang disebut layanan yang dipilih harus dipetakan ke perangkat daerah Anda. Tidak ada yang diubah.', 'Every unit the chosen services name must be mapped to one of your units. Nothing was changed.', (d: { codes?: string[] }) =>
    (d?.codes?.length ? { id: `Belum dipetakan: ${d.codes.join(', ')}.`, en: `Not mapped: ${d.codes.join(', ')}.` } : null)],
} as const satisfies Record<string, ErrorEntry>;

declare module '../../platform/errors.js' {
  interface ModuleErrorCodes extends Record<keyof typeof layananErrors, true> {}
}
