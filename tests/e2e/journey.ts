import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the step screenshots go: CI output, git-ignored (/test-results/). */
export const JOURNEY_DIR = path.resolve('test-results', 'journeys');

/**
 * One user journey: each step runs its action and its assertions, then a screenshot of what the
 * user saw is kept as test-results/journeys/<journey>/<nn>-<step>.png. A summary line per
 * journey is printed at the end.
 */
export class Journey {
  private n = 0;
  private readonly started = Date.now();
  private readonly dir: string;
  readonly steps: string[] = [];

  constructor(readonly name: string) {
    this.dir = path.join(JOURNEY_DIR, name);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Runs `body` (its action and assertions), then screenshots `page` as the step's picture. */
  async step(page: Page, step: string, body: () => Promise<void>): Promise<void> {
    const file = `${String(++this.n).padStart(2, '0')}-${step}.png`;
    await body();
    await page.screenshot({ path: path.join(this.dir, file), fullPage: false });
    this.steps.push(step);
  }

  done(): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`journey ${this.name}: ${this.steps.length} steps passed in ${seconds} s (${this.steps.join(' → ')}); screenshots in ${path.relative(process.cwd(), this.dir)}/`);
  }
}

/** "1.055" (id-ID) or "1,055" (en) → 1055; "12,5%" → 12.5 (id-ID); "–" → NaN. */
export function idNumber(text: string | null): number {
  return Number((text ?? '').trim().replace('%', '').replace(/\./g, '').replace(',', '.'));
}

/** How far the page is wider than its viewport (0 or less: no sideways scrolling of the page). */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
