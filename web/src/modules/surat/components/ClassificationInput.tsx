// The archive classification code: typed as a code or words, chosen from the
// regulation's list (Permendagri 83/2022) as the person types.
import { useEffect, useState } from 'react';
import { api } from '../../../api.js';

interface Code { code: string; name: string }

export function ClassificationInput({ id, value, onChange, required, describedBy }: { id: string; value: string; onChange: (code: string) => void; required?: boolean; describedBy?: string }) {
  const [options, setOptions] = useState<Code[]>([]);
  useEffect(() => {
    const q = value.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      api<Code[]>(`/api/surat/classifications?q=${encodeURIComponent(q)}`).then(setOptions, () => setOptions([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [value]);
  // Choosing "500.5.7.15 Rekomendasi" from the list keeps the code alone.
  const pick = (typed: string) => onChange(/^\d{3}(\.\d+)*\s/.test(typed) ? typed.split(/\s/)[0] : typed);
  return (
    <>
      <input id={id} type="text" list={`${id}-list`} autoComplete="off" required={required} aria-describedby={describedBy} pattern="\d{3}(\.\d+){0,3}" value={value} onChange={(e) => pick(e.target.value)} />
      <datalist id={`${id}-list`}>{options.map((o) => <option key={o.code} value={`${o.code} ${o.name}`} />)}</datalist>
    </>
  );
}
