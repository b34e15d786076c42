// Commands (tsx scripts/…) run the server's modules in plain Node, outside Next. There the
// `server-only` marker of lib/db, lib/server and lib/queries resolves to its empty module, as it
// does in Next's server build; in a browser bundle it still fails the build. Loaded with
// `tsx --import ./scripts/server-only-hook.mjs scripts/….ts`.
import { register } from 'node:module';

const empty = new URL('../node_modules/server-only/empty.js', import.meta.url).href;
const hook = `export async function resolve(specifier, context, next) {
  return specifier === 'server-only' ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : next(specifier, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
