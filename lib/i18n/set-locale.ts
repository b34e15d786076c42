'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './config';

/**
 * The language switch's server action. A form posting to it works before the page's scripts
 * have loaded (slow connections: the page is readable seconds before it is interactive), and
 * Next re-renders the page in the new language once the cookie is set.
 */
export async function setLocale(form: FormData): Promise<void> {
  const locale = toLocale(String(form.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 31_536_000, sameSite: 'lax' });
}
