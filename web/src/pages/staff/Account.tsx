// Signing in, and choosing a new password through the emailed link.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Flash, PageTitle } from '../../components/ui.js';
import { api, regionApi } from '../../api.js';
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
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
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
