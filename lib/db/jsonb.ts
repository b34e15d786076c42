/** A lone UTF-16 surrogate: JavaScript strings may hold one, jsonb refuses its \u escape. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that PostgreSQL stores: without NUL, lone surrogates replaced by U+FFFD. */
import 'server-only';
export function storableText(text: string): string {
  return text.replace(/\u0000/g, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * JSON text that jsonb accepts, whatever hostile input put in the value: jsonb refuses the NUL
 * character and lone surrogates (`{"a":"\ud800"}`), so both are cleaned from keys and strings.
 */
export function storableJson(value: unknown): string {
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') return storableText(v);
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), clean(x)]));
    return v;
  };
  return JSON.stringify(clean(value));
}
