// The command that serves the build in production, read from package.json's `start` script (its
// last step, after the database setup), so the benchmarks' server runs with exactly the Node
// flags `npm start` and `npm run demo` use: the heap bound there is part of what is measured.
import { readFileSync } from 'node:fs';

export interface ServerCommand {
  /** Node's own flags, before the script. */
  nodeFlags: string[];
  /** The script and its arguments (`…/next start`). */
  args: string[];
}

/** Parses the last step of an npm script of the form `… && node [flags] <next bin> start`. */
export function parseServerCommand(script: string): ServerCommand {
  const step = script.split('&&').at(-1)!.trim().split(/\s+/);
  const script0 = step.findIndex((t, i) => i > 0 && !t.startsWith('-'));
  if (step[0] !== 'node' || script0 < 0 || step.at(-1) !== 'start') throw new Error(`not a "node [flags] <next> start" step: ${script}`);
  return { nodeFlags: step.slice(1, script0), args: step.slice(script0) };
}

/** The `start` and `demo` scripts' server step, which must be the same. */
export function productionServerCommand(packageJson = 'package.json'): ServerCommand {
  const { scripts } = JSON.parse(readFileSync(packageJson, 'utf8')) as { scripts: Record<string, string> };
  const start = parseServerCommand(scripts.start);
  const demo = parseServerCommand(scripts.demo);
  if (JSON.stringify(start) !== JSON.stringify(demo)) throw new Error('package.json: `start` and `demo` serve with different commands');
  return start;
}
