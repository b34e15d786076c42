import { describe, expect, it } from 'vitest';
import { allowedMethods } from '@/lib/api/methods';
import { negotiateLocale } from '@/lib/i18n/config';

describe('negotiateLocale', () => {
  it('takes the cookie first, then Accept-Language by q-value, else Indonesian', () => {
    expect(negotiateLocale(undefined, null)).toBe('id');
    expect(negotiateLocale(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('id', 'en')).toBe('id');
    expect(negotiateLocale('en', 'id-ID')).toBe('en');
    expect(negotiateLocale('fr', 'en')).toBe('id');
    expect(negotiateLocale(undefined, 'fr-FR, en;q=0.8, id;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, 'id;q=0.4, en;q=0.6')).toBe('en');
    expect(negotiateLocale(undefined, 'en;q=0, id')).toBe('id');
    expect(negotiateLocale(undefined, 'xx-ΩΩ;q=abc, ,,;')).toBe('id');
    expect(negotiateLocale(undefined, '*')).toBe('id');
  });
});

describe('allowedMethods', () => {
  it('matches the API routes, static segments before parameters', () => {
    expect(allowedMethods('/api/v1/session')).toEqual(['GET', 'POST', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/reports')).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/v1/exports/bundle/6471.zip')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/imports/12/rejections.csv')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/v1/areas/6471/nothing')).toBeNull();
    expect(allowedMethods('/api/v2/areas')).toBeNull();
  });
});
