// Screenshots of pages at phone and desktop widths, to look at what users see.
// Usage: tsx scripts/screenshot.ts http://localhost:3000/wilayah/6471 [out-prefix]
import { launchChromium } from '../tests/e2e/browser';

const [url, prefix = '/tmp/shot'] = process.argv.slice(2);
const browser = await launchChromium();
try {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width === 360 ? 780 : 900 } });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: true });
    console.log(`${prefix}-${width}.png`);
    await page.close();
  }
} finally {
  await browser.close();
}
