// What the correspondence pages share: paths, the API's answers, the page
// frame (signed in, allowed to read, the region known) and small labels.
import type { ReactNode } from 'react';
import { regionApi } from '../../../api.js';
import { RegionGate } from '../../../components/RegionGate.js';
import { StaffOnly } from '../../../components/StaffOnly.js';
import { useI18n } from '../../../i18n/index.js';
import { Link } from '../../../router.js';
import type { RegionProfile } from '../../../types.js';
import type { components } from '../../../api-types.js';

type Schemas = components['schemas'];
export type Letter = Schemas['SuratLetter'];
export type LetterItem = Schemas['SuratLetterListItem'];
export interface DispositionNode {
  id: string; parentId: string | null; from: { userId: string | null; name: string }; to: { userId: string; name: string };
  instruction: string; priority: string; dueAt: string | null; overdue: boolean; status: 'unread' | 'in_progress' | 'done' | 'withdrawn';
  createdAt: string; readAt: string | null; doneAt: string | null; report: string | null;
  notes: { kind: 'note' | 'report'; body: string; author: string; at: string }[]; children: DispositionNode[];
}
export interface Person { id: string; name: string; roles: { role: string; unitId: string | null; unitName: string | null }[] }

export const suratApi = (region: string) => `${regionApi(region)}/surat`;
export const homePath = (region: string) => `/staff/${region}/surat`;
export const registerPath = (region: string) => `/staff/${region}/surat/register`;
export const letterPath = (region: string, id: string) => `/staff/${region}/surat/naskah/${id}`;

/** A correspondence page: signed in, with surat.read in the region. */
export function SuratPage({ region, children }: { region: string; children: (region: RegionProfile) => ReactNode }) {
  return <StaffOnly region={region} permission="surat.read"><RegionGate code={region}>{children}</RegionGate></StaffOnly>;
}

export function SuratNav({ region }: { region: string }) {
  const { t } = useI18n();
  return (
    <p className="subnav">
      <Link to={homePath(region)}>{t('surat.nav.home')}</Link> <Link to={registerPath(region)}>{t('surat.nav.register')}</Link>
      {' '}<Link to={`/staff/${region}/surat/outgoing`}>{t('surat.nav.outgoing')}</Link>
    </p>
  );
}

/** The security class as a badge: anything above "biasa" stands out. */
export function SecurityBadge({ security }: { security: string }) {
  const { t } = useI18n();
  const tone = security === 'biasa' ? 'badge-neutral' : security === 'terbatas' ? 'badge-amber' : 'badge-red';
  return <span className={`badge ${tone}`}>{t(`surat.security.${security}` as 'surat.security.biasa')}</span>;
}

/** "12/2026": an incoming letter's agenda number in its year's register. */
export const agendaOf = (l: { agendaNumber: number | null; agendaYear: number | null }) => (l.agendaNumber ? `${l.agendaNumber}/${l.agendaYear}` : '—');

/** A person's label with their units, for pickers. */
export const personLabel = (p: Person) => {
  const units = [...new Set(p.roles.map((r) => r.unitName).filter(Boolean))];
  return units.length ? `${p.name} (${units.join(', ')})` : p.name;
};
