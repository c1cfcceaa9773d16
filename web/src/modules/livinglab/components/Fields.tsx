// The fields a solution, an inventory row and a proposal share: the service
// domain and the government sector (urusan), from the Living Lab's reference.
import { useI18n } from '../../../i18n/index.js';
import type { Reference } from './types.js';

const DOMAINS = { publik: { id: 'publik', en: 'publik' }, administrasi: { id: 'administrasi', en: 'administrasi' } };

export function DomainSectorFields({ reference, idOf, domain, sector, onChange }: {
  reference: Reference | undefined; idOf: (name: string) => string; domain: string; sector: string; onChange: (patch: { domain?: string; sector?: string }) => void;
}) {
  const { t, locale } = useI18n();
  return <>
    <div className="field"><label htmlFor={idOf('domain')}>{t('livinglab.domain')}</label>
      <select id={idOf('domain')} value={domain} onChange={(e) => onChange({ domain: e.target.value })}>
        {Object.entries(reference?.domains ?? DOMAINS).map(([k, w]) => <option key={k} value={k}>{w[locale]}</option>)}
      </select></div>
    <div className="field"><label htmlFor={idOf('sector')}>{t('livinglab.sector')}</label>
      <select id={idOf('sector')} value={sector} onChange={(e) => onChange({ sector: e.target.value })}>
        <option value="">—</option>
        {Object.entries(reference?.sectors ?? {}).map(([k, name]) => <option key={k} value={k}>{k} {name}</option>)}
      </select></div>
  </>;
}
