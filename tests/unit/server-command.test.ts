import { describe, expect, it } from 'vitest';
import { parseServerCommand, productionServerCommand } from '../../scripts/bench/server-command';

describe('the production server command', () => {
  it('splits the last step of a script into Node flags and the script', () => {
    expect(parseServerCommand('tsx scripts/db.ts setup && node --max-old-space-size=1536 ./node_modules/next/dist/bin/next start')).toEqual({
      nodeFlags: ['--max-old-space-size=1536'],
      args: ['./node_modules/next/dist/bin/next', 'start'],
    });
    expect(parseServerCommand('node ./node_modules/next/dist/bin/next start')).toEqual({ nodeFlags: [], args: ['./node_modules/next/dist/bin/next', 'start'] });
  });

  it('refuses a step it could not run with the same flags', () => {
    expect(() => parseServerCommand('tsx scripts/db.ts setup && next start')).toThrow(/node \[flags\]/);
    expect(() => parseServerCommand('node --max-old-space-size=1536')).toThrow();
  });

  it('is the same for npm start and npm run demo, and bounds the heap (V8 grows the old generation 4× past 2 GB)', () => {
    const { nodeFlags, args } = productionServerCommand();
    expect(args).toEqual(['./node_modules/next/dist/bin/next', 'start']);
    const bound = nodeFlags.map((f) => /^--max-old-space-size=(\d+)$/.exec(f)?.[1]).find(Boolean);
    expect(Number(bound)).toBeLessThan(2048);
  });
});
