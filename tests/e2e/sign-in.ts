import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';

/** A browser context already signed in as a demo user (through POST /api/v1/session, the form's twin). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  username: string,
  viewport = { width: 1280, height: 900 },
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, ...options });
  const response = await context.request.post(`${baseUrl}/api/v1/session`, { data: { username, password: DEMO_PASSWORD } });
  if (!response.ok()) throw new Error(`signing in as ${username}: HTTP ${response.status()}`);
  return context;
}

/** A session token for API calls outside the browser (Authorization: Bearer). */
export async function sessionToken(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`signing in as ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
