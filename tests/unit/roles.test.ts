import { describe, expect, it } from 'vitest';
import { can, viewerForAccount, type AccountAccess } from '@/lib/domain/roles';
import { areaScope } from '@/lib/domain/scope';

const account = (a: Partial<AccountAccess>): AccountAccess => ({ username: 'u', role: 'admin', kodeKota: '6471', areaCode: '6471', officerCode: null, ...a });

describe('viewerForAccount', () => {
  it.each([
    ['admin', '6471', areaScope('6471')],
    ['pimpinan', '6471', areaScope('6471')],
    ['camat', '6471020', areaScope('6471020')],
    ['lurah', '6471020002', areaScope('6471020002')],
  ] as const)('gives %s rooted at %s an area scope and that home area', (role, areaCode, scope) => {
    expect(viewerForAccount(account({ role, areaCode }))).toEqual({ username: 'u', role, scope, homeArea: areaCode, officerCode: null });
  });

  it('gives a PML their team and a PPL themselves, with no home area', () => {
    expect(viewerForAccount(account({ role: 'pml', areaCode: null, officerCode: '647120001' }))).toEqual({
      username: 'u',
      role: 'pml',
      scope: { kind: 'team', kodeKota: '6471', officerCode: '647120001' },
      homeArea: null,
      officerCode: '647120001',
    });
    expect(viewerForAccount(account({ role: 'ppl', areaCode: null, officerCode: '647110001' }))?.scope).toEqual({
      kind: 'officer',
      kodeKota: '6471',
      officerCode: '647110001',
    });
  });

  it.each([
    ['a lurah rooted at a kecamatan', { role: 'lurah', areaCode: '6471020' }],
    ['a camat rooted at the whole city', { role: 'camat', areaCode: '6471' }],
    ['an admin of another kab/kota’s area', { role: 'admin', areaCode: '9901' }],
    ['a PPL without an officer code', { role: 'ppl', areaCode: null, officerCode: null }],
    ['an admin without an area', { role: 'admin', areaCode: null }],
  ] as const)('sees nothing when the row is inconsistent: %s', (_, a) => {
    expect(viewerForAccount(account(a as Partial<AccountAccess>))).toBeNull();
  });
});

describe('can', () => {
  it.each([
    ['manageUsers', ['admin']],
    ['readAudit', ['admin']],
    ['importData', ['admin']],
    ['submitReports', ['admin', 'pml', 'ppl']],
  ] as const)('allows %s to %j only', (permission, roles) => {
    const all = ['admin', 'pimpinan', 'camat', 'lurah', 'pml', 'ppl'] as const;
    expect(all.filter((role) => can({ role }, permission))).toEqual(roles);
    expect(can(null, permission)).toBe(false);
  });
});
