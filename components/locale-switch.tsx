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
    <button
      type="button"
      aria-label={label}
      className="rounded border border-slate-300 px-2 py-1 text-xs font-medium uppercase hover:bg-slate-100"
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {next}
    </button>
  );
}
