import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale } from './config';
import { loadMessages } from './messages';

// Bahasa Indonesia unless the user switched: the locale lives in a cookie, not in the URL,
// so a shared link shows the same area and date in the reader's own language.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: loadMessages(locale), timeZone: 'Asia/Makassar' };
});
