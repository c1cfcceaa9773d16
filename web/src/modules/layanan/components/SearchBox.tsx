// A search box whose term lives in the address (?q=), so a search can be
// linked and survives a reload: the page reads the term with searchTerm().
// The page's other filters stay; a new search starts again at page one.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { navigate, useLocation } from '../../../router.js';

export const searchTerm = (query: URLSearchParams) => query.get('q')?.trim() ?? '';

export function SearchBox({ id, label }: { id: string; label: string }) {
  const { t } = useI18n();
  const { path, query } = useLocation();
  const [typed, setTyped] = useState(searchTerm(query));
  const search = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(query);
    next.delete('hal');
    if (typed.trim()) next.set('q', typed.trim());
    else next.delete('q');
    const qs = next.toString();
    navigate(qs ? `${path}?${qs}` : path, { replace: true });
  };
  return (
    <form role="search" onSubmit={search} className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input id={id} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="button secondary">{t('layanan.public.searchButton')}</button>
      </div>
    </form>
  );
}
