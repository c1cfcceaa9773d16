// What each line of a reconciled bank statement came to, as a code and in
// words. Pure and without imports: the staff web page reads it too.

/** What a reconciled line did (README, "Rekonsiliasi"). */
export type LineOutcome =
  | 'credited' | 'duplicate' | 'already_paid' | 'amount_mismatch' | 'unknown_code' | 'expired' | 'cancelled' | 'reference_used' | 'duplicate_line' | 'invalid';

/** Each outcome in words, for the report and the staff page (the web app reads this file: keep it free of imports). */
export const LINE_OUTCOMES: Record<LineOutcome, { id: string; en: string }> = {
  credited: { id: 'Dicatat lunas', en: 'Credited' },
  duplicate: { id: 'Sudah lunas (referensi sama)', en: 'Already paid (same reference)' },
  already_paid: { id: 'Sudah lunas oleh transaksi lain: periksa untuk pengembalian', en: 'Already paid by another transaction: check for a refund' },
  amount_mismatch: { id: 'Jumlah berbeda dengan tagihan', en: 'Amount differs from the bill' },
  unknown_code: { id: 'Kode bayar tidak ditemukan', en: 'Billing code not found' },
  expired: { id: 'Dibayar sesudah jatuh tempo', en: 'Paid after the due date' },
  cancelled: { id: 'Tagihan dibatalkan', en: 'Bill cancelled' },
  reference_used: { id: 'Referensi sudah melunasi tagihan lain', en: 'Reference already paid another bill' },
  duplicate_line: { id: 'Baris ganda dalam berkas', en: 'Duplicate line in the file' },
  invalid: { id: 'Baris tidak terbaca (tanggal, jumlah atau referensi)', en: 'Unreadable line (date, amount or reference)' },
};
