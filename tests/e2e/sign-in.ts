import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';

/** A browser context already signed in as a demo user (through POST /api/v1/session, the form's twin). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const response = await context.request.post(`${baseUrl}/api/v1/session`, { data: { username, password: DEMO_PASSWORD } });
  if (!response.ok()) throw new Error(`signing in as ${username}: HTTP ${response.status()}`);
  return context;
}
