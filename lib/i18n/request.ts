import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale, type Locale } from './config';

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/** messages/<locale>/<namespace>.json, one file per feature so features don't collide. */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(process.cwd(), 'messages', locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    messages[file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  }
  if (process.env.NODE_ENV === 'production') cache.set(locale, messages);
  return messages;
}

// Bahasa Indonesia unless the user switched: the locale lives in a cookie, not in the URL,
// so a shared link shows the same area and date in the reader's own language.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: loadMessages(locale), timeZone: 'Asia/Makassar' };
});
