import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import type { Locale } from './config';

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

/** A translator outside React (exports, API messages). */
export function translator(locale: Locale, namespace?: string) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: namespace as never });
}
