// The exchange with SRIKANDI by files: a unit's letters of a period as a
// package (ZIP) to download, and a package imported as the unit's incoming
// letters, with what was imported, what was already held (skipped), or every
// problem that made the server refuse the package whole.
import '../components/surat.css';
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Flash } from '../../../components/ui.js';
import { useI18n } from '../../../i18n/index.js';
import { Link, queryString, type Params } from '../../../router.js';
import { may, useSession } from '../../../session.js';
import type { RegionProfile, Unit } from '../../../types.js';
import { letterPath, suratApi, SuratPage } from '../components/common.js';
import { IssueList, RecordsHeader, useFilingUnits, useImport } from '../components/records.js';
import type { components } from '../../../api-types.js';

type ImportResult = components['schemas']['SuratImport'];
const MAX_DAYS = 366;

export function ExchangePage({ params }: { params: Params }) {
  return <SuratPage region={params.region}>{(region) => <Exchange region={region} />}</SuratPage>;
}

/** The region's date today (the browser's clock, the region's zone). */
const regionToday = (region: RegionProfile) => new Intl.DateTimeFormat('en-CA', { timeZone: region.timezone }).format(Date.now());
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function Exchange({ region }: { region: RegionProfile }) {
  const { t } = useI18n();
  const { me } = useSession();
  // The exchange reaches the same units as filing: every unit for the records manager, their own for a clerk.
  const units = useFilingUnits(region.code);
  const exchanges = may(me, region.code, 'surat.exchange');
  return (
    <div className="surat">
      <RecordsHeader region={region.code} title={t('surat.exchange.title')} intro={t('surat.exchange.intro')} allowed={exchanges} />
      {exchanges && (
        <>
          <ExportPackage region={region} units={units} />
          <ImportPackage region={region} units={units} />
        </>
      )}
    </div>
  );
}

function ExportPackage({ region, units }: { region: RegionProfile; units: Unit[] }) {
  const { t } = useI18n();
  const today = regionToday(region);
  const [unitId, setUnitId] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const unit = unitId || units[0]?.id || '';
  const span = daysBetween(from, to);
  const valid = !!unit && !!from && !!to && span >= 0 && span < MAX_DAYS;
  return (
    <section aria-labelledby="sx-export" className="card">
      <h2 id="sx-export">{t('surat.exchange.export')}</h2>
      <p className="small">{t('surat.exchange.exportHint')}</p>
      <div className="field"><label htmlFor="sx-unit">{t('surat.col.unit')}</label>
        <select id="sx-unit" value={unit} onChange={(e) => setUnitId(e.target.value)}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>
      <div className="field"><label htmlFor="sx-from">{t('surat.register.from')}</label><input id="sx-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} /></div>
      <div className="field"><label htmlFor="sx-to">{t('surat.register.to')}</label><input id="sx-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} /></div>
      {valid
        ? <a className="button" href={`${suratApi(region.code)}/exchange/export${queryString({ unit, from, to })}`} download>{t('surat.exchange.download')}</a>
        : <p className="alert alert-error" role="alert">{t('surat.exchange.period', { days: MAX_DAYS })}</p>}
    </section>
  );
}

function ImportPackage({ region, units }: { region: RegionProfile; units: Unit[] }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { result, error, busy, send } = useImport<ImportResult>(`${suratApi(region.code)}/exchange/import`);
  const unit = unitId || units[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) void send(file, { unitId: unit });
  };
  return (
    <section aria-labelledby="sx-import" className="card">
      <h2 id="sx-import">{t('surat.exchange.import')}</h2>
      <p className="small">{t('surat.exchange.importHint')}</p>
      <form onSubmit={submit} aria-label={t('surat.exchange.import')}>
        <div className="field"><label htmlFor="sx-import-unit">{t('surat.exchange.importUnit')}</label>
          <select id="sx-import-unit" required value={unit} onChange={(e) => setUnitId(e.target.value)}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</select></div>
        <div className="field"><label htmlFor="sx-file">{t('surat.exchange.file')}</label>
          <input id="sx-file" type="file" required accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></div>
        <ErrorMessage error={error} />
        <IssueList error={error} />
        <button type="submit" className="button" disabled={busy}>{t('surat.exchange.importSubmit')}</button>
      </form>
      {result && (
        <div aria-live="polite">
          <Flash>{t('surat.exchange.result', { imported: result.imported.length, skipped: result.skipped.length })}</Flash>
          {result.imported.length > 0 && (
            <>
              <h3>{t('surat.exchange.imported')}</h3>
              <ul className="small">{result.imported.map((l) => <li key={l.id}><Link to={letterPath(region.code, l.id)}>{t('surat.exchange.agenda', { n: l.agendaNumber })}</Link> · <span className="surat-ref">{l.ref}</span></li>)}</ul>
            </>
          )}
          {result.skipped.length > 0 && (
            <>
              <h3>{t('surat.exchange.skipped')}</h3>
              <ul className="small">{result.skipped.map((ref) => <li key={ref} className="surat-ref">{ref}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
