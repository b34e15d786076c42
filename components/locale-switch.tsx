'use client';

import { useLocale } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE } from '@/lib/i18n/config';

/** Switches between Bahasa Indonesia and English (a cookie; the URL stays shareable). */
export function LocaleSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  const next = locale === 'id' ? 'en' : 'id';
  return (
    // The visible code is part of the accessible name ("Bahasa: en"), as WCAG 2.5.3 asks.
    <button
      type="button"
      title={label}
      className="rounded border border-slate-300 px-2 py-1 text-xs font-medium uppercase hover:bg-slate-100"
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      <span className="sr-only">{label}: </span>
      {next}
    </button>
  );
}
