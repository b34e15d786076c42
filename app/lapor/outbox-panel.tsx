'use client';

import { useCallback, useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { formatDate, formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { draftFrom } from '@/lib/ingest/form-check';
import { flushOutbox, listOutbox, OUTBOX_CHANNEL, OUTBOX_EVENT, removeOutbox, type FlushResult, type OutboxItem } from '@/lib/offline/outbox';
import { draftKey } from './report-form';

/**
 * What is waiting on this phone: each submission not yet answered ("menunggu sinyal" with the
 * time it was written) or refused by the server (its reasons, with a way to fix and resend).
 * Sends the signed-in account's items when the page opens, when the network returns and when
 * the form queues one; items of another account are only counted, never sent.
 */
export function OutboxPanel({ username }: { username: string }) {
  const t = useTranslations('offline');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [result, setResult] = useState<FlushResult | null>(null);
  const [sending, setSending] = useState(false);

  const refresh = useCallback(async () => setItems(await listOutbox()), []);
  const flush = useCallback(async () => {
    await refresh();
    if (!navigator.onLine) return;
    setSending(true);
    try {
      const r = await flushOutbox();
      setResult(r);
      if (r.kind === 'done' && r.sent > 0) router.refresh();
    } finally {
      setSending(false);
      await refresh();
    }
  }, [refresh, router]);

  useEffect(() => {
    // The outbox lives in IndexedDB, outside React: read and sent once mounted.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void flush();
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(OUTBOX_CHANNEL);
    if (channel) channel.onmessage = () => void refresh();
    const onQueued = () => void flush();
    window.addEventListener('online', onQueued);
    window.addEventListener(OUTBOX_EVENT, onQueued);
    return () => {
      channel?.close();
      window.removeEventListener('online', onQueued);
      window.removeEventListener(OUTBOX_EVENT, onQueued);
    };
  }, [flush, refresh]);

  function fix(item: OutboxItem) {
    const refused = new Set(item.rejections?.map((r) => r.kodeSubsls));
    const rows = item.rejections?.length ? item.reports.filter((r) => refused.has(r.kodeSubsls)) : item.reports;
    window.localStorage.setItem(draftKey(item.petugas, item.tanggal), JSON.stringify(Object.fromEntries(rows.map((r) => [r.kodeSubsls, draftFrom(r, r.catatan ?? null)]))));
    // A full load, so the form mounts afresh and reads the drafts just written (also for the same date).
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    void removeOutbox(item.id).then(() => window.location.assign(`/lapor?petugas=${encodeURIComponent(item.petugas)}&tanggal=${item.tanggal}`));
  }

  const own = items.filter((i) => i.username === username);
  const others = Object.entries(
    items.filter((i) => i.username !== username).reduce<Record<string, number>>((acc, i) => ({ ...acc, [i.username]: (acc[i.username] ?? 0) + 1 }), {}),
  );
  if (own.length === 0 && others.length === 0 && !(result?.kind === 'done' && result.sent > 0)) return null;

  return (
    <section aria-labelledby="outbox-title" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="outbox">
      <h2 id="outbox-title" className="font-semibold">
        {t('title')}
      </h2>
      {result?.kind === 'done' && result.sent > 0 ? <p className="text-sm text-emerald-800">{t('sentNow', { count: result.sent })}</p> : null}
      {result?.kind === 'signed_out' && own.length > 0 ? (
        <p className="text-sm">
          <a className="font-medium text-brand underline" href="/masuk?next=%2Flapor">
            {t('signedOut', { username })}
          </a>
        </p>
      ) : null}
      <ul className="space-y-2">
        {own.map((item) => (
          <li key={item.id} className="rounded border border-amber-200 bg-white p-2 text-sm" data-testid="outbox-item" data-state={item.state}>
            <p className="font-medium">
              {item.state === 'refused' ? <span className="text-red-800">{t('refused')}</span> : sending ? t('sending') : t('waiting')}
              <span className="font-normal text-slate-600"> · {t('since', { time: formatDateTime(item.createdAt, locale, 'Asia/Makassar') })}</span>
            </p>
            <ul className="mt-1 text-slate-700">
              {item.reports.map((r) => (
                <li key={r.kodeSubsls}>{t('reportLine', { ...r, kode: r.kodeSubsls, tanggal: formatDate(r.tanggal, locale) })}</li>
              ))}
            </ul>
            {item.problem ? <p className="mt-1 text-red-800">{item.problem}</p> : null}
            {item.rejections?.map((r) => (
              <p key={`${r.kodeSubsls}-${r.field}`} className="mt-1 text-red-800">
                {r.kodeSubsls}: {r.reason}
              </p>
            ))}
            {item.state === 'refused' ? (
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" className="min-h-11 rounded bg-brand px-3 font-medium text-white" onClick={() => fix(item)}>
                  {t('fix')}
                </button>
                <button
                  type="button"
                  className="min-h-11 rounded border border-slate-300 px-3"
                  onClick={() => window.confirm(t('discardConfirm')) && void removeOutbox(item.id).then(refresh)}
                >
                  {t('discard')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {others.map(([name, count]) => (
        <p key={name} className="text-sm text-slate-700" data-testid="outbox-held">
          {t('otherAccount', { count, username: name })}
        </p>
      ))}
      {own.some((i) => i.state === 'waiting') ? (
        <button type="button" className="min-h-11 rounded border border-slate-300 bg-white px-3 text-sm font-medium" onClick={() => void flush()} disabled={sending}>
          {t('sendNow')}
        </button>
      ) : null}
    </section>
  );
}
