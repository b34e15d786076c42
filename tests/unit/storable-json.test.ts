import { describe, expect, it } from 'vitest';
import { storableJson, storableText } from '@/lib/db/jsonb';
import { cellText } from '@/lib/ingest/cells';
import { parseReportJson } from '@/lib/ingest/report-schema';

describe('storableJson', () => {
  it('drops NUL and replaces lone surrogates in keys and strings, keeping real pairs', () => {
    expect(storableText('a\u0000b\ud800c\udc00d😀')).toBe('ab\ufffdc\ufffdd😀');
    expect(JSON.parse(storableJson({ 'k\u0000\ud800': ['x\udc00', { y: 'z\u0000' }], n: 1 }))).toEqual({ 'k\ufffd': ['x\ufffd', { y: 'z' }], n: 1 });
  });
});

describe('cellText', () => {
  it('takes off the quote the rejected-rows download puts before a formula, and only that', () => {
    expect(cellText("'=HYPERLINK(\"http://x\")")).toBe('=HYPERLINK("http://x")');
    expect(cellText("'-1+1")).toBe('-1+1');
    expect(cellText("'@SUM(A1)")).toBe('@SUM(A1)');
    expect(cellText("'Ujung")).toBe("'Ujung");
    expect(cellText("O'Neil")).toBe("O'Neil");
  });
});

describe('parseReportJson', () => {
  it('refuses a value nested 50,000 deep with a reason, not a stack overflow', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) as unknown;
    const result = parseReportJson({ kodeSubsls: deep });
    expect(result.ok).toBe(false);
  });
});
