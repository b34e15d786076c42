// The only data access before anyone is signed in: the sign-in page and its actions. Nothing here
// reads scoped data — the demo logins are public by design (demo mode lists them) — and every other
// read goes through dataFor(viewer) (data.ts).
import 'server-only';
import { listDemoLogins as listDemo, type DemoLogin } from '@/lib/auth/demo-users';
import { signIn as signInWith, signOut as signOutWith, type SignInInput, type SignInResult } from '@/lib/auth/session';
import { getAuth } from './auth';
import { getDb } from './database';

export function listDemoLogins(params: { q?: string; username?: string; limit: number; examples?: boolean }): Promise<DemoLogin[]> {
  return getDb().then((db) => listDemo(db, params));
}

export async function signIn(input: SignInInput): Promise<SignInResult> {
  return signInWith(await getDb(), await getAuth(), input);
}

export async function signOut(token: string, ip: string | null): Promise<boolean> {
  return signOutWith(await getDb(), await getAuth(), token, ip);
}
