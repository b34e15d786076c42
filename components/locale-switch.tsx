'use client';

import { useLocale } from 'next-intl';
import { setLocale } from '@/lib/i18n/set-locale';

/**
 * Switches between Bahasa Indonesia and English (a cookie; the URL stays shareable). A form with
 * a server action, so it works even when tapped before the page has hydrated.
 */
export function LocaleSwitch({ label }: { label: string }) {
  const next = useLocale() === 'id' ? 'en' : 'id';
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={next} />
      {/* The visible code is part of the accessible name ("Bahasa: en"), as WCAG 2.5.3 asks. */}
      <button type="submit" title={label} className="rounded border border-slate-300 px-2 py-1 text-xs font-medium uppercase hover:bg-slate-100">
        <span className="sr-only">{label}: </span>
        {next}
      </button>
    </form>
  );
}
