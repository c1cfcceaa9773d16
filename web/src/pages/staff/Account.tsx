// Signing in, and what the emailed links open: choosing a new password,
// accepting an invitation, activating a citizen's account.
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage, Flash, PageTitle } from '../../components/ui.js';
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

/** Only same-site paths: never send a user off to another site after sign-in. */
const safeNext = (next: string | null) => (next && /^\/(?![/\\])/.test(next) ? next : null);

export function SignInPage() {
  const { t } = useI18n();
  const { signIn, me } = useSession();
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
      const signedIn = await signIn(email.trim(), password);
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
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // The server judges the password's strength; here only that both match.
    setMismatch(password !== again);
    if (password !== again) return;
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
          <div className="field">
            <label htmlFor="password">{t('reset.password')}</label>
            <input id="password" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password-again">{t('reset.again')}</label>
            <input id="password-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
          {mismatch && <p className="alert alert-error" role="alert">{t('reset.mismatch')}</p>}
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
  const { me, signIn, refresh } = useSession();
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
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
    setMismatch(password !== again);
    if (password === again) void accept({ name: name.trim(), password });
  };
  const signInAndAccept = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(invitation!.email, password);
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
          <div className="field">
            <label htmlFor="password">{t('invite.password')}</label>
            <input id="password" type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password-again">{t('reset.again')}</label>
            <input id="password-again" type="password" autoComplete="new-password" required value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
          {mismatch && <p className="alert alert-error" role="alert">{t('reset.mismatch')}</p>}
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
          <CurrentPassword value={password} onChange={setPassword} />
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
        <Flash>{t('verify.done')} <Link to="/">{t('verify.next')}</Link></Flash>
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
