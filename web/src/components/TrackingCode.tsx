// The tracking code, big enough to read out over the phone, with a copy button.
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';

export function TrackingCode({ code }: { code: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const el = useRef<HTMLOutputElement>(null);
  const copy = async () => {
    await copyText(code, el.current!);
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

/** Copies text to the clipboard; without the clipboard API (plain http), selects it in `shown` and copies that. */
export async function copyText(text: string, shown: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents(shown);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    document.execCommand('copy');
  }
}
