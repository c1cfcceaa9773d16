// The emails about accounts: invitations, email verification, and the note
// to an address someone tried to register again. The recipient may have no
// account yet, so no language preference is known: Indonesian first, then
// English, in one email.
import type { EmailPayload } from '../notify/outbox.js';
import type { Text } from '../i18n.js';
import { roleLabel, type Role } from './policy.js';

const bilingual = (to: string, subject: Text, body: Text): EmailPayload => ({
  to, subject: `${subject.id} / ${subject.en}`, text: `${body.id}\n\n-- English --\n\n${body.en}`,
});

export function invitationEmail(i: { to: string; link: string; regionName: string; role: Role; unitName: string | null; days: number }): EmailPayload {
  const role = roleLabel(i.role);
  const unit = i.unitName ? ` (${i.unitName})` : '';
  return bilingual(i.to, { id: `Undangan peran ${role.id} di Pamong ${i.regionName}`, en: `Invitation to the role ${role.en} in Pamong ${i.regionName}` }, {
    id: `Halo,\n\nAdmin ${i.regionName} mengundang alamat email ini untuk peran ${role.id}${unit} di Pamong.\n\n`
      + `Buka tautan ini dalam ${i.days} hari untuk menerima undangan. Bila belum punya akun, Anda akan membuat nama dan kata sandi sendiri; bila sudah, masuk dengan akun Anda:\n${i.link}\n\n`
      + 'Jika Anda tidak mengenal undangan ini, abaikan email ini: tidak ada yang berubah tanpa persetujuan Anda.',
    en: `Hello,\n\nThe admin of ${i.regionName} has invited this email address to the role ${role.en}${unit} in Pamong.\n\n`
      + `Open this link within ${i.days} days to accept. Without an account you will choose your own name and password; with one, sign in with it:\n${i.link}\n\n`
      + 'If you do not recognise this invitation, ignore this email: nothing changes without your consent.',
  });
}

export function verificationEmail(v: { to: string; name: string; link: string; hours: number }): EmailPayload {
  return bilingual(v.to, { id: 'Aktifkan akun Pamong Anda', en: 'Activate your Pamong account' }, {
    id: `Halo ${v.name},\n\nBuka tautan ini dalam ${v.hours} jam untuk memastikan email ini milik Anda dan mengaktifkan akun:\n${v.link}\n\n`
      + 'Jika Anda tidak mendaftar, abaikan email ini: tanpa tautan ini tidak ada akun yang dibuat.',
    en: `Hello ${v.name},\n\nOpen this link within ${v.hours} hours to confirm this address is yours and activate your account:\n${v.link}\n\n`
      + 'If you did not register, ignore this email: no account is created without this link.',
  });
}

export function registrationAttemptEmail(r: { to: string; signInLink: string; resetLink: string }): EmailPayload {
  return bilingual(r.to, { id: 'Percobaan pendaftaran dengan email Anda', en: 'Someone tried to register with your email' }, {
    id: 'Halo,\n\nSeseorang mencoba mendaftar di Pamong dengan alamat email ini, padahal alamat ini sudah punya akun.\n\n'
      + `Bila itu Anda, masuk saja:\n${r.signInLink}\natau, bila lupa kata sandi, buat yang baru:\n${r.resetLink}\n\n`
      + 'Bila bukan Anda, abaikan email ini: akun Anda tidak berubah.',
    en: 'Hello,\n\nSomeone tried to register in Pamong with this email address, which already has an account.\n\n'
      + `If it was you, just sign in:\n${r.signInLink}\nor, if you forgot your password, choose a new one:\n${r.resetLink}\n\n`
      + 'If it was not you, ignore this email: your account has not changed.',
  });
}

/** A platform admin made an account for an external assessor: its owner chooses the password. */
export function assessorWelcomeEmail(a: { to: string; name: string; link: string; days: number }): EmailPayload {
  return bilingual(a.to, { id: 'Akun asesor eksternal SPBE di Pamong', en: 'Your SPBE external assessor account in Pamong' }, {
    id: `Halo ${a.name},\n\nAdmin platform Pamong menetapkan Anda sebagai asesor eksternal SPBE. Buka tautan ini dalam ${a.days} hari untuk membuat kata sandi Anda:\n${a.link}\n\n`
      + 'Sesudah tautan itu kedaluwarsa, pakai "Lupa kata sandi?" di halaman masuk.',
    en: `Hello ${a.name},\n\nThe Pamong platform admin has made you an SPBE external assessor. Open this link within ${a.days} days to choose your password:\n${a.link}\n\n`
      + 'After the link expires, use "Forgot your password?" on the sign-in page.',
  });
}
