// Screenshots of pages at phone and desktop widths, to look at what users see.
// Usage: tsx scripts/screenshot.ts http://localhost:3000/wilayah/6471 [out-prefix] [username]
// Signs in first (demo password unless PANTAU_PASSWORD is set) as `username`, default `admin`;
// pass `-` to stay signed out (the sign-in page itself is always shot signed out).
import { DEMO_PASSWORD } from '../lib/auth/demo-users';
import { launchChromium } from '../tests/e2e/browser';

const [url, prefix = '/tmp/shot', username = 'admin'] = process.argv.slice(2);
const target = new URL(url);
const signIn = username !== '-' && !target.pathname.startsWith('/masuk');
const browser = await launchChromium();
try {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width === 360 ? 780 : 900 } });
    if (signIn) {
      const response = await context.request.post(new URL('/api/v1/session', target).toString(), {
        data: { username, password: process.env.PANTAU_PASSWORD ?? DEMO_PASSWORD },
      });
      if (!response.ok()) throw new Error(`signing in as ${username}: HTTP ${response.status()}`);
    }
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: process.env.PANTAU_SHOT_FULL !== '0' });
    console.log(`${prefix}-${width}.png`);
    await context.close();
  }
} finally {
  await browser.close();
}
