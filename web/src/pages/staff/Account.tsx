// Signing in, and what the emailed links open: choosing a new password,
// accepting an invitation, activating a citizen's account.
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage, Flash, Loading, PageTitle, StatusBadge } from '../../components/ui.js';
import { useApi } from '../../data.js';
import { formatDateTime, type Zone } from '../../format.js';
import { api, regionApi, setCsrfToken } from '../../api.js';
import type { Role } from '../../admin-types.js';
import { landingFor, unitWorkRegion } from '../../landing.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import type { Me } from '../../types.js';

/** Where staff land after signing in: where their work is (see landing.ts). */
export async function staffHome(me: Me): Promise<string> {
  const region = unitWorkRegion(me);
  if (!region) return landingFor(me);
  const [complaints, spbeTasks] = await Promise.all([
    api<unknown[]>(`${regionApi(region)}/inbox?limit=1`).then((l) => l.length),
    api<unknown[]>(`${regionApi(region)}/spbe/tasks`).then((l) => l.length),
  ]).catch(() => [1, 0]);
  return landingFor(me, { complaints, spbeTasks });
}

/** Signs in, then asks again who is signed in (only these pages sign in: not in a citizen's first download). */
async function signIn(email: string, password: string, refresh: () => Promise<Me>): Promise<Me> {
  const answer = await api<{ csrfToken: string }>('/api/auth/sign-in', { method: 'POST', body: { email, password } });
  setCsrfToken(answer.csrfToken);
  return refresh();
}

/** The account's current password, as signing in and accepting while signed out ask for it. */
function CurrentPassword({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="password">{t('signIn.password')}</label>
      <input id="password" type="password" autoComplete="current-password" required value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/**
 * A new password typed twice. The server judges its strength; here only that
 * both typings match. `confirmed()` gives the password, or null (and says so
 * on the form) when they differ.
 */
function useNewPassword(label: string) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const fields = (
    <>
      <div className="field">
        <label htmlFor="password">{label}</label>
        <input id="password" type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="password-again">{t('reset.again')}</label>
        <input id="password-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
      </div>
      {mismatch && <p className="alert alert-error" role="alert">{t('reset.mismatch')}</p>}
    </>
  );
  const confirmed = () => {
    setMismatch(password !== again);
    return password === again ? password : null;
  };
  return { fields, confirmed };
}

/** Only same-site paths: never send a user off to another site after sign-in. */
const safeNext = (next: string | null) => (next && /^\/(?![/\\])/.test(next) ? next : null);

export function SignInPage() {
  const { t } = useI18n();
  const { refresh, me } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password, refresh);
      navigate(safeNext(query.get('next')) ?? (await staffHome(signedIn)), { replace: true });
    } catch (err) {
      setError(err);
      setSending(false);
    }
  };
  return (
    <>
      <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      {me?.user && <Flash>{t('signIn.already', { name: me.user.name })} <Link to={landingFor(me)}>{t('signIn.toWork')}</Link></Flash>}
      <form className="card narrow" onSubmit={submit}>
        <div className="field">
          <label htmlFor="email">{t('signIn.email')}</label>
          <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <CurrentPassword value={password} onChange={setPassword} />
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={sending}>{t('signIn.submit')}</button>
        <p><Link to="/lupa-sandi">{t('signIn.forgot')}</Link></p>
      </form>
      <p className="narrow">{t('register.offer')} <Link to="/daftar">{t('register.title')}</Link></p>
    </>
  );
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/auth/password-reset', { method: 'POST', body: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageTitle title={t('forgot.title')}>{t('forgot.title')}</PageTitle>
      {sent ? (
        <Flash>{t('forgot.sent')}</Flash>
      ) : (
        <form className="card narrow" onSubmit={submit}>
          <p>{t('forgot.intro')}</p>
          <div className="field">
            <label htmlFor="email">{t('signIn.email')}</label>
            <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <button type="submit" className="button">{t('forgot.submit')}</button>
        </form>
      )}
      <p><Link to="/masuk">{t('signIn.title')}</Link></p>
    </>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const newPassword = useNewPassword(t('reset.password'));
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const password = newPassword.confirmed();
    if (password === null) return;
    try {
      await api('/api/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageTitle title={t('reset.title')}>{t('reset.title')}</PageTitle>
      {!token && <p className="alert alert-error" role="alert">{t('reset.noToken')}</p>}
      {done ? (
        <Flash>{t('reset.done')} <Link to="/masuk">{t('signIn.title')}</Link></Flash>
      ) : token && (
        <form className="card narrow" onSubmit={submit}>
          {newPassword.fields}
          <ErrorMessage error={error} />
          <button type="submit" className="button">{t('reset.submit')}</button>
        </form>
      )}
    </>
  );
}

interface InvitationView { regionCode: string; regionName: string; email: string; role: Role; roleLabel: { id: string; en: string }; unitName: string | null; expiresAt: string; hasAccount: boolean }

/**
 * The emailed invitation link: a new person chooses their name and password;
 * someone with an account signs in as the invited address and accepts.
 */
export function InvitationPage() {
  const { t, locale } = useI18n();
  const { me, refresh } = useSession();
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const newPassword = useNewPassword(t('invite.password'));
  const [current, setCurrent] = useState('');
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (token) api<InvitationView>('/api/auth/invitation', { method: 'POST', body: { token } }).then(setInvitation, setError);
  }, [token]);

  const accept = async (body: Record<string, string>) => {
    setSending(true);
    setError(null);
    try {
      const answer = await api<{ csrfToken?: string }>('/api/auth/invitation/accept', { method: 'POST', body: { token, ...body } });
      if (answer.csrfToken) setCsrfToken(answer.csrfToken);
      navigate(await staffHome(await refresh()), { replace: true });
    } catch (err) {
      setError(err);
      setSending(false);
    }
  };
  const createAccount = (e: FormEvent) => {
    e.preventDefault();
    const password = newPassword.confirmed();
    if (password !== null) void accept({ name: name.trim(), password });
  };
  const signInAndAccept = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(invitation!.email, current, refresh);
      await accept({});
    } catch (err) {
      setError(err);
    }
  };
  const signedInAsInvited = !!me?.user && me.user.email?.toLowerCase() === invitation?.email;

  return (
    <>
      <PageTitle title={t('invite.title')}>{t('invite.title')}</PageTitle>
      {!token && <p className="alert alert-error" role="alert">{t('reset.noToken')}</p>}
      {invitation && (
        <p className="card narrow invitation-offer">
          {t('invite.offer', { region: invitation.regionName, role: invitation.roleLabel[locale] + (invitation.unitName ? ` — ${invitation.unitName}` : ''), email: invitation.email })}
        </p>
      )}
      {invitation && !invitation.hasAccount && (
        <form className="card narrow" onSubmit={createAccount}>
          <p>{t('invite.newAccount')}</p>
          <div className="field">
            <label htmlFor="name">{t('invite.name')}</label>
            <input id="name" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          {newPassword.fields}
          <ErrorMessage error={error} />
          <button type="submit" className="button" disabled={sending}>{t('invite.accept')}</button>
        </form>
      )}
      {invitation?.hasAccount && (signedInAsInvited ? (
        <div className="card narrow">
          <p>{t('signIn.already', { name: me!.user!.name })}</p>
          <ErrorMessage error={error} />
          <button type="button" className="button" disabled={sending} onClick={() => void accept({})}>{t('invite.accept')}</button>
        </div>
      ) : (
        <form className="card narrow" onSubmit={signInAndAccept}>
          <p>{t('invite.signIn', { email: invitation.email })}</p>
          <CurrentPassword value={current} onChange={setCurrent} />
          <ErrorMessage error={error} />
          <button type="submit" className="button" disabled={sending}>{t('invite.signInAccept')}</button>
          <p><Link to="/lupa-sandi">{t('signIn.forgot')}</Link></p>
        </form>
      ))}
      {!invitation && <ErrorMessage error={error} />}
    </>
  );
}

/** The emailed activation link of a citizen's registration: activates the account and signs in. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [state, setState] = useState<{ done: boolean; error: unknown }>({ done: false, error: null });
  const confirm = async () => {
    try {
      const answer = await api<{ csrfToken: string }>('/api/auth/verify-email', { method: 'POST', body: { token } });
      setCsrfToken(answer.csrfToken);
      await refresh();
      setState({ done: true, error: null });
    } catch (error) {
      setState({ done: false, error });
    }
  };
  return (
    <>
      <PageTitle title={t('verify.title')}>{t('verify.title')}</PageTitle>
      {!token && <p className="alert alert-error" role="alert">{t('reset.noToken')}</p>}
      {state.done ? (
        <Flash>{t('verify.done')} <Link to="/laporan-saya">{t('verify.next')}</Link></Flash>
      ) : token && (
        // A button, not on load: mail scanners that open links must not use up the token.
        <div className="card narrow">
          <p>{t('verify.intro')}</p>
          <ErrorMessage error={state.error} />
          <button type="button" className="button" onClick={() => void confirm()}>{t('verify.submit')}</button>
        </div>
      )}
    </>
  );
}

/**
 * A citizen's self-service account. The answer is the same whether or not
 * the address has an account: the activation link (or, for an existing
 * account, a note to its owner) goes by email.
 */
export function RegisterPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const newPassword = useNewPassword(t('invite.password'));
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const password = newPassword.confirmed();
    if (password === null) return;
    setSending(true);
    try {
      await api('/api/auth/register', { method: 'POST', body: { name: name.trim(), email: email.trim(), password, ...(phone.trim() ? { phone: phone.trim() } : {}) } });
      setSentTo(email.trim());
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <PageTitle title={t('register.title')}>{t('register.title')}</PageTitle>
      {me?.user && <Flash>{t('signIn.already', { name: me.user.name })} <Link to="/laporan-saya">{t('mine.title')}</Link></Flash>}
      {sentTo ? (
        <Flash>{t('register.sent', { email: sentTo })}</Flash>
      ) : (
        <form className="card narrow" onSubmit={submit}>
          <p>{t('register.intro')}</p>
          <div className="field">
            <label htmlFor="name">{t('invite.name')}</label>
            <input id="name" autoComplete="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="email">{t('signIn.email')}</label>
            <input id="email" type="email" autoComplete="email" required maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="phone">{t('register.phone')}</label>
            <input id="phone" type="tel" autoComplete="tel" inputMode="tel" pattern="\\+?[0-9 \\-]{6,20}" value={phone} onChange={(e) => setPhone(e.target.value)} />
          </div>
          {newPassword.fields}
          <ErrorMessage error={error} />
          <button type="submit" className="button" disabled={sending}>{t('register.submit')}</button>
        </form>
      )}
      <p><Link to="/masuk">{t('register.haveAccount')}</Link></p>
    </>
  );
}

interface MyComplaint extends Zone { regionCode: string; regionName: string; trackingCode: string; status: string; description: string; submittedAt: string }

/** The reports a signed-in citizen sent from the web form, newest first, each linking to its tracking page. */
export function MyComplaintsPage() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const mine = useApi<MyComplaint[]>(me?.user ? '/api/me/complaints' : null);
  if (me && !me.user) {
    return (
      <>
        <PageTitle title={t('mine.title')}>{t('mine.title')}</PageTitle>
        <p>{t('mine.signIn')} <Link to="/masuk?next=%2Flaporan-saya">{t('signIn.submit')}</Link> · <Link to="/daftar">{t('register.title')}</Link></p>
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('mine.title')}>{t('mine.title')}</PageTitle>
      <ErrorMessage error={mine.error} />
      {mine.loading && <Loading />}
      {mine.data?.length === 0 && <p className="muted">{t('mine.empty')}</p>}
      <ul className="plain cards">
        {mine.data?.map((c) => (
          <li key={c.trackingCode} className="card row-card">
            <div className="row-head">
              <Link className="row-title code" to={`/r/${c.regionCode}/lacak/${c.trackingCode}`}>{c.trackingCode}</Link>
              <StatusBadge status={c.status} />
            </div>
            <p className="muted small">{c.regionName} · {formatDateTime(c.submittedAt, c, locale)}</p>
            <p>{c.description.length > 160 ? `${c.description.slice(0, 160)}…` : c.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
