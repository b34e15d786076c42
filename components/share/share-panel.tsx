'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { whatsappUrl } from '@/lib/share/summary-text';

/**
 * "Bagikan": the summary text opened in WhatsApp (wa.me), the phone's share sheet where the
 * browser has the Web Share API, and a copy button. `build` makes the text from the figures the
 * page shows; it runs only once the panel opens, when the page's own address is known.
 */
export function SharePanel({ build, cardHref, testId }: { build: (url: string) => string; cardHref?: string; testId?: string }) {
  const t = useTranslations('share');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const copy = async () => {
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      setNote(t('copied'));
    } catch {
      setNote(t('copyFailed'));
    }
  };
  const share = async () => {
    if (!text) return;
    // A dismissed share sheet rejects with AbortError: nothing to report.
    await navigator.share({ text }).catch(() => undefined);
  };
  const button = 'rounded border border-slate-300 bg-white px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100';

  return (
    <details
      className="text-sm"
      data-testid={testId ?? 'share-panel'}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setText(build(window.location.href));
      }}
    >
      <summary className={`${button} inline-block cursor-pointer list-none`}>{t('share')}</summary>
      {text ? (
        <div className="mt-2 w-full max-w-xl space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <label htmlFor={id} className="block text-xs font-medium text-slate-600">
            {t('preview')}
          </label>
          <textarea id={id} readOnly value={text} rows={Math.min(14, text.split('\n').length + 1)} className="w-full rounded border border-slate-300 p-2 font-mono text-xs" />
          <div className="flex flex-wrap gap-2">
            <a href={whatsappUrl(text)} target="_blank" rel="noopener noreferrer" className="rounded bg-emerald-700 px-2.5 py-1.5 font-medium text-white hover:bg-emerald-800">
              {t('whatsapp')}
            </a>
            {canShare ? (
              <button type="button" onClick={share} className={button}>
                {t('device')}
              </button>
            ) : null}
            <button type="button" onClick={copy} className={button}>
              {t('copy')}
            </button>
            {cardHref ? (
              <a href={cardHref} target="_blank" rel="noopener" className={button}>
                {t('card')}
              </a>
            ) : null}
          </div>
          <p role="status" className="text-xs text-slate-600">
            {note}
          </p>
        </div>
      ) : null}
    </details>
  );
}
