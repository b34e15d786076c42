export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';
export const LOCALE_COOKIE = 'pantau-locale';

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/**
 * The language of a request: the UI cookie when set, else the first of Indonesian or English
 * in Accept-Language (by q-value), else Indonesian. API errors and exports use it.
 */
export function negotiateLocale(cookie: string | undefined | null, acceptLanguage: string | null): Locale {
  if (cookie) return toLocale(cookie);
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, i) => {
      const [tag, ...params] = entry.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((e) => e.q > 0 && (LOCALES as readonly string[]).includes(e.lang))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.length ? (ranked[0].lang as Locale) : DEFAULT_LOCALE;
}
