import { describe, expect, it } from 'vitest';
import { describeAudit } from '@/lib/audit/describe';
import { translator } from '@/lib/i18n/messages';

/** The sentence the audit page shows for one entry, in Indonesian. */
function read(action: string, detail: Record<string, unknown>): string {
  const t = translator('id', 'auditlog') as unknown as (k: string, p?: Record<string, string | number>) => string;
  const text = describeAudit(action, detail);
  return [t(`action.${text.action}`), ...text.details.map((d) => t(`detail.${d.key}`, d.params))].join(' · ');
}

describe('audit log labels', () => {
  it('names sign-ins by how they were made and why they failed', () => {
    expect(read('login.success', { via: 'form' })).toBe('Masuk berhasil lewat formulir');
    expect(read('login.success', { via: 'api' })).toBe('Masuk berhasil lewat API');
    expect(read('login.failure', { via: 'form', reason: 'locked' })).toBe('Masuk gagal lewat formulir · akun dikunci sementara setelah terlalu banyak percobaan');
    expect(read('login.failure', { via: 'form', reason: 'something-new' })).toBe('Masuk gagal lewat formulir · alasan lain');
  });

  it('reads imports and report submissions as counts in words, not JSON', () => {
    expect(read('import', { kind: 'reports', filename: 'harian.csv', status: 'applied', rows: 12, accepted: 10, replaced: 1, unchanged: 1, rejected: 0 })).toBe(
      'Impor laporan harian · berkas harian.csv · 12 baris · 10 baru · 1 diperbarui · 1 tidak berubah',
    );
    expect(read('report.submit', { source: 'form', rows: 1, accepted: 0, replaced: 1, unchanged: 0, rejected: 0 })).toBe(
      'Laporan dikirim lewat formulir Lapor · 1 baris · 1 diperbarui',
    );
    expect(read('import', { kind: 'areas', filename: 'x.xlsx', status: 'rejected', problem: 'bad_headers' })).toBe('Impor data wilayah ditolak · berkas x.xlsx · masalah: bad_headers');
  });

  it('distinguishes disabling from enabling an account, and keeps an unknown action readable', () => {
    expect(read('user.disable', { disabled: true })).toBe('Akun dinonaktifkan');
    expect(read('user.disable', { disabled: false })).toBe('Akun diaktifkan kembali');
    expect(read('user.update', { from: { role: 'lurah', root: '6471020002' }, to: { role: 'camat', root: '6471020' } })).toBe(
      'Peran pengguna diubah · dari lurah (6471020002) menjadi camat (6471020)',
    );
    expect(read('followup.create', { sls: '64710200020001', n: 2 })).toBe('Aksi lain · sls: 64710200020001 · n: 2');
  });

  it('has every label in both languages', () => {
    const actions = ['login.success', 'login.failure', 'logout', 'import', 'export', 'report.submit', 'user.create', 'user.update', 'user.disable', 'user.password_reset', 'token.create', 'token.revoke'];
    for (const locale of ['id', 'en'] as const) {
      const t = translator(locale, 'auditlog') as unknown as { has: (k: string) => boolean };
      for (const a of actions) for (const via of ['form', 'api']) expect(t.has(`action.${describeAudit(a, { via, kind: 'reports', source: 'api' }).action}`), `${locale} ${a}`).toBe(true);
    }
  });
});
