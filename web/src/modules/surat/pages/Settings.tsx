// What the region admin sets for correspondence: the numbering pattern of
// outgoing letters (its tokens explained, an example number as it would be
// given today, the server's reason when a pattern cannot number letters) and
// the opening and closing each document type's draft starts from.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { api } from '../../../api.js';
import { ErrorMessage, Flash, Loading, PageTitle, When } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { useStaffApi } from '../../../query.js';
import type { Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile } from '../../../types.js';
import type { components } from '../../../api-types.js';
import { suratApi, SuratNav, SuratPage } from '../components/common.js';
import type { Template } from '../components/outgoing.js';
import { useSend } from '../../../send.js';

type Numbering = components['schemas']['SuratNumbering'];

/** The pattern's tokens, in the order the guide explains them. */
const TOKENS = ['nomor', 'klasifikasi', 'kode_unit', 'kode_jenis', 'kode_keamanan', 'bulan_romawi', 'bulan', 'tahun'] as const;

export function SettingsPage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Settings region={region} />}</SuratPage>;
}

function Settings({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  const allowed = may(me, region.code, 'surat.configure');
  return (
    <div className="surat">
      <PageTitle title={t('surat.settings.title')}>{t('surat.settings.title')}</PageTitle>
      <SuratNav region={region.code} />
      <p className="muted">{t('surat.settings.intro')}</p>
      {!allowed ? <p className="alert alert-error" role="alert">{t('error.forbidden')}</p> : (
        <>
          <NumberingForm region={region} />
          <Templates region={region.code} />
        </>
      )}
    </div>
  );
}

function NumberingForm({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const path = `${suratApi(region.code)}/numbering`;
  const numbering = useStaffApi<Numbering>(path);
  const [pattern, setPattern] = useState<string | null>(null);
  const { result: saved, error, busy, run } = useSend<Numbering>();
  const n = numbering.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const answer = await api<Numbering>(path, { method: 'PUT', body: { pattern: pattern ?? n?.pattern ?? '' } });
      setPattern(null);
      numbering.reload();
      return answer;
    });
  };
  return (
    <section aria-labelledby="set-numbering" className="card">
      <h2 id="set-numbering">{t('surat.settings.numbering')}</h2>
      <ErrorMessage error={numbering.error} />
      {!n ? (!numbering.error && <Loading />) : (
        <>
          <dl className="surat-facts">
            <dt>{t('surat.settings.current')}</dt><dd><code>{n.pattern}</code>{n.isDefault && <> <span className="badge badge-neutral">{t('surat.settings.default')}</span></>}</dd>
            <dt>{t('surat.settings.example')}</dt><dd><strong>{n.example}</strong> <span className="small muted">{t('surat.settings.exampleOf')}</span></dd>
            {n.updatedAt && <><dt>{t('surat.settings.changed')}</dt><dd><When at={n.updatedAt} zone={region} />, {n.updatedBy}</dd></>}
          </dl>
          <form onSubmit={submit} aria-label={t('surat.settings.numbering')}>
            <div className="field">
              <label htmlFor="set-pattern">{t('surat.settings.pattern')}</label>
              <input id="set-pattern" required maxLength={120} value={pattern ?? n.pattern} onChange={(e) => setPattern(e.target.value)} aria-describedby="set-tokens" />
            </div>
            <div id="set-tokens" className="small">
              <p>{t('surat.settings.tokensIntro')}</p>
              <ul>{TOKENS.map((token) => <li key={token}><code>{`{${token}}`}</code>: {t(`surat.settings.token.${token}`)}</li>)}</ul>
            </div>
            {saved && <Flash>{t('surat.settings.numberingSaved')}</Flash>}
            <ErrorMessage error={error} />
            <button type="submit" className="button" disabled={busy}>{t('surat.settings.saveNumbering')}</button>
          </form>
        </>
      )}
    </section>
  );
}

function Templates({ region }: { region: string }) {
  const { t } = useI18n();
  const templates = useStaffApi<Template[]>(`${suratApi(region)}/templates`);
  return (
    <section aria-labelledby="set-templates">
      <h2 id="set-templates">{t('surat.settings.templates')}</h2>
      <p className="small muted">{t('surat.settings.templatesIntro')}</p>
      <ErrorMessage error={templates.error} />
      {!templates.data ? (!templates.error && <Loading />)
        : templates.data.map((tpl) => <TemplateForm key={tpl.documentTypeCode} region={region} template={tpl} onSaved={templates.reload} />)}
    </section>
  );
}

function TemplateForm({ region, template, onSaved }: { region: string; template: Template; onSaved: () => void }) {
  const { t } = useI18n();
  const [opening, setOpening] = useState(template.opening);
  const [closing, setClosing] = useState(template.closing);
  const { result: saved, error, busy, run } = useSend<Template>();
  const id = `tpl-${template.documentTypeCode}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const answer = await api<Template>(`${suratApi(region)}/templates/${encodeURIComponent(template.documentTypeCode)}`, { method: 'PUT', body: { opening, closing } });
      onSaved();
      return answer;
    });
  };
  return (
    <details className="card">
      <summary>{template.name} {template.isDefault ? <span className="badge badge-neutral">{t('surat.settings.default')}</span> : <span className="badge badge-green">{t('surat.settings.own')}</span>}</summary>
      <form onSubmit={submit} aria-label={template.name}>
        <div className="field"><label htmlFor={`${id}-opening`}>{t('surat.settings.opening')}</label>
          <textarea id={`${id}-opening`} rows={3} maxLength={5000} value={opening} onChange={(e) => setOpening(e.target.value)} /></div>
        <div className="field"><label htmlFor={`${id}-closing`}>{t('surat.settings.closing')}</label>
          <textarea id={`${id}-closing`} rows={3} maxLength={5000} value={closing} onChange={(e) => setClosing(e.target.value)} /></div>
        {saved && <Flash>{t('surat.settings.templateSaved')}</Flash>}
        <ErrorMessage error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.settings.saveTemplate')}</button>
      </form>
    </details>
  );
}
