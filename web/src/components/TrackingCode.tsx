// The tracking code, big enough to read out over the phone, with a copy button.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';

export function TrackingCode({ code }: { code: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const el = useRef<HTMLOutputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      // No clipboard API (plain http): select the code so the user can copy it.
      const range = document.createRange();
      range.selectNodeContents(el.current!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.execCommand('copy');
    }
    setCopied(true);
  };
  return (
    <div className="tracking-code">
      <span className="muted small">{t('track.code')}</span>
      <output ref={el} className="code" aria-label={t('track.code')}>{code}</output>
      <button type="button" className="button secondary" onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</button>
    </div>
  );
}
