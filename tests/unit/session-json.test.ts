import { describe, expect, it } from 'vitest';
import { scopeJson, viewerJson } from '@/lib/api/session-json';
import { viewerForAccount } from '@/lib/domain/roles';
import { areaScope } from '@/lib/domain/scope';

// The Scope type names the officer `officerCode`; GET /api/v1/session keeps the keys it was published with.
describe('session JSON', () => {
  it('keeps pmlCode and pplCode as the public keys of team and officer scopes', () => {
    expect(scopeJson({ kind: 'team', kodeKota: '6471', officerCode: '647120001' })).toEqual({ kind: 'team', kodeKota: '6471', pmlCode: '647120001' });
    expect(scopeJson({ kind: 'officer', kodeKota: '6471', officerCode: '647110001' })).toEqual({ kind: 'officer', kodeKota: '6471', pplCode: '647110001' });
    expect(scopeJson(areaScope('6471020'))).toEqual({ kind: 'area', kodeKota: '6471', areaCode: '6471020' });
  });

  it('serialises a viewer in the published key order', () => {
    const viewer = viewerForAccount({ username: 'pml1', role: 'pml', kodeKota: '6471', areaCode: null, officerCode: '647120001' });
    expect(JSON.stringify(viewerJson(viewer!))).toBe(
      '{"username":"pml1","role":"pml","scope":{"kind":"team","kodeKota":"6471","pmlCode":"647120001"},"homeArea":null,"officerCode":"647120001"}',
    );
  });
});
