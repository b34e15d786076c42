import { describe, expect, it } from 'vitest';
import { cookieValue, verifySigned } from '@/lib/auth/resolve-viewer';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';

/** What better-auth's cookie signing does (better-call: WebCrypto HMAC-SHA256, standard base64). */
async function signCookieValue(value: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(value));
  return encodeURIComponent(`${value}.${btoa(String.fromCharCode(...new Uint8Array(signature)))}`);
}

describe('session cookie check', () => {
  it('accepts exactly what better-auth signs, and nothing altered', async () => {
    const signed = decodeURIComponent(await signCookieValue('sessiontoken123', SECRET));
    expect(verifySigned(signed, SECRET)).toBe('sessiontoken123');
    expect(verifySigned(signed, SECRET + 'x')).toBeNull();
    expect(verifySigned(signed.replace('sessiontoken123', 'sessiontoken124'), SECRET)).toBeNull();
    expect(verifySigned(signed.slice(0, -2) + 'A=', SECRET)).toBeNull();
    expect(verifySigned('sessiontoken123', SECRET)).toBeNull();
    expect(verifySigned('.abc', SECRET)).toBeNull();
  });

  it('reads the first cookie of that name, URL-decoded and unquoted', () => {
    expect(cookieValue('a=1; pantau.session_token=x%2By.sig; pantau.session_token=other', 'pantau.session_token')).toBe('x+y.sig');
    expect(cookieValue('pantau.session_token="q.s"', 'pantau.session_token')).toBe('q.s');
    expect(cookieValue('other=1', 'pantau.session_token')).toBeNull();
    expect(cookieValue('pantau.session_token=%E0%A4%A', 'pantau.session_token')).toBe('%E0%A4%A');
  });
});
