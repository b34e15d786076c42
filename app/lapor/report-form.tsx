'use client';

import { useEffect, useMemo, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { SubslsCard } from '@/components/ingest/subsls-card';
import { toLocale } from '@/lib/i18n/config';
import type { ApiErrorBody, SubmitResponse } from '@/lib/ingest/api-types';
import { checkDraft, draftFrom, sameDraft, type CountDraft } from '@/lib/ingest/form-check';
import type { ReportInput } from '@/lib/ingest/report-schema';
import { reasonText } from '@/lib/ingest/reasons';
import { enqueueOutbox, newSubmissionId } from '@/lib/offline/outbox';
import type { AssignedSubsls } from '@/lib/queries/report-form';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; body: SubmitResponse } | { kind: 'error'; message: string } | { kind: 'queued'; count: number };

const LABELLED = ['selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'keluargaBaru', 'catatan'] as const;

export const draftKey = (officerCode: string, tanggal: string) => `pantau.lapor.${officerCode}.${tanggal}`;

/** The PPL's counts for one date: prefilled with what each sub-SLS carries, sent in one batch. */
export function ReportForm({ items, tanggal, officerCode, username }: { items: AssignedSubsls[]; tanggal: string; officerCode: string; username: string }) {
  const t = useTranslations('ingest.lapor');
  const tOffline = useTranslations('offline');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const stored = useMemo(() => Object.fromEntries(items.map((i) => [i.kodeSubsls, draftFrom(i.last, i.last?.tanggal === tanggal ? i.last.catatan : null)])), [items, tanggal]);
  // Values waiting in the outbox count as sent: the form compares against them, not the server's.
  const [queued, setQueued] = useState<Record<string, CountDraft>>({});
  const baseline = useMemo(() => ({ ...stored, ...queued }), [stored, queued]);
  const [drafts, setDrafts] = useState<Record<string, CountDraft>>(stored);
  // When the server's values change under the form (the outbox was sent, the page refreshed),
  // entries left as they were follow them; entries being edited stay.
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    setDrafts((d) => Object.fromEntries(Object.entries(d).map(([c, v]) => [c, seen[c] && stored[c] && sameDraft(v, seen[c]) ? stored[c] : v])));
  }
  const [serverErrors, setServerErrors] = useState<Record<string, Record<string, string>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey(officerCode, tanggal));
    // Unsent entries survive a reload or a dropped connection. Read after hydration, since the
    // server cannot know them: a one-off sync from an external store.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setDrafts((d) => ({ ...d, ...(JSON.parse(saved) as Record<string, CountDraft>) }));
  }, [officerCode, tanggal]);

  const checks = useMemo(
    () =>
      Object.fromEntries(
        items.map((i) => {
          const previous = i.last && i.last.tanggal < tanggal ? i.last : null;
          return [i.kodeSubsls, checkDraft(drafts[i.kodeSubsls], { tanggal, kodeSubsls: i.kodeSubsls, kodePetugas: i.kodePetugas, prelist: i.prelist, previous })];
        }),
      ),
    [items, drafts, tanggal],
  );
  const changed = items.filter((i) => !sameDraft(drafts[i.kodeSubsls], baseline[i.kodeSubsls]));
  const invalid = changed.some((i) => checks[i.kodeSubsls].errors.length > 0);

  function put(code: string, draft: CountDraft) {
    setDrafts((d) => {
      const next = { ...d, [code]: draft };
      const unsent = Object.fromEntries(Object.entries(next).filter(([c, v]) => !sameDraft(v, baseline[c])));
      window.localStorage.setItem(draftKey(officerCode, tanggal), JSON.stringify(unsent));
      return next;
    });
    setServerErrors((e) => ({ ...e, [code]: {} }));
  }

  /** No network: the batch waits in the outbox (lib/offline/outbox.ts) under the same submission id. */
  async function queue(batch: ReportInput[], id: string) {
    await enqueueOutbox({ id, username, petugas: officerCode, tanggal, locale, reports: batch });
    window.localStorage.removeItem(draftKey(officerCode, tanggal));
    setQueued((q) => ({ ...q, ...Object.fromEntries(batch.map((r) => [r.kodeSubsls, drafts[r.kodeSubsls]])) }));
    setStatus({ kind: 'queued', count: batch.length });
  }

  async function submit() {
    const batch = changed.map((i) => checks[i.kodeSubsls].report!);
    // Made once per batch: a retry of this batch after a lost answer is recognised by the server.
    const id = newSubmissionId();
    if (!navigator.onLine) return queue(batch, id);
    setStatus({ kind: 'sending' });
    try {
      const res = await fetch('/api/v1/reports?source=form', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale, 'idempotency-key': id }, body: JSON.stringify(batch) });
      const body = (await res.json()) as SubmitResponse | ApiErrorBody;
      if ('error' in body) return setStatus({ kind: 'error', message: body.error.message });
      const errors: Record<string, Record<string, string>> = {};
      for (const r of body.rejections) (errors[batch[r.index].kodeSubsls] ??= {})[r.field] = r.reason;
      setServerErrors(errors);
      setStatus({ kind: 'sent', body });
      const failed = new Set(Object.keys(errors));
      const unsent = Object.fromEntries(changed.filter((i) => failed.has(i.kodeSubsls)).map((i) => [i.kodeSubsls, drafts[i.kodeSubsls]]));
      window.localStorage.setItem(draftKey(officerCode, tanggal), JSON.stringify(unsent));
      router.refresh();
    } catch {
      await queue(batch, id);
    }
  }

  const fieldLabel = (field: string) => ((LABELLED as readonly string[]).includes(field) ? t(`fields.${field as (typeof LABELLED)[number]}`) : field);

  if (items.length === 0) return <p className="text-sm text-slate-600">{t('noAssignments')}</p>;
  return (
    <div className="space-y-3 pb-24">
      <p className="text-xs text-slate-500">{t('draft')}</p>
      {items.map((i) => {
        const check = checks[i.kodeSubsls];
        const isChanged = changed.includes(i);
        const errors = isChanged ? Object.fromEntries(check.errors.map((e) => [e.field, reasonText({ ...e, field: fieldLabel(e.field) }, locale)])) : {};
        return (
          <SubslsCard
            key={i.kodeSubsls}
            info={{ kodeSubsls: i.kodeSubsls, name: i.name, kelurahan: i.kelurahan, prelist: i.prelist, lastTanggal: i.last?.tanggal ?? null }}
            draft={drafts[i.kodeSubsls]}
            errors={{ ...errors, ...serverErrors[i.kodeSubsls] }}
            lowered={isChanged && check.lowered.length > 0}
            previousTanggal={i.last && i.last.tanggal < tanggal ? i.last.tanggal : null}
            changed={isChanged}
            onChange={(field, value) => put(i.kodeSubsls, { ...drafts[i.kodeSubsls], [field]: value })}
            onReset={() => put(i.kodeSubsls, baseline[i.kodeSubsls])}
          />
        );
      })}
      <div className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white/95 p-3 backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 sm:flex-row sm:items-center">
          <div className="flex-1 text-sm" role="status" aria-live="polite" data-testid="lapor-status">
            {status.kind === 'sent'
              ? [t('sent', { accepted: status.body.accepted, replaced: status.body.replaced, unchanged: status.body.unchanged }), status.body.rejected ? t('rejectedN', { count: status.body.rejected }) : ''].join(' ')
              : status.kind === 'error'
                ? status.message
                : status.kind === 'queued'
                  ? tOffline('queued', { count: status.count })
                : changed.length === 0
                  ? t('nothing')
                  : null}
          </div>
          <button
            type="button"
            className="min-h-12 rounded bg-brand px-5 text-lg font-semibold text-white disabled:opacity-50"
            disabled={changed.length === 0 || invalid || status.kind === 'sending'}
            onClick={submit}
            data-testid="lapor-submit"
          >
            {status.kind === 'sending' ? t('submitting') : changed.length ? t('submit', { count: changed.length }) : t('submitNone')}
          </button>
        </div>
      </div>
    </div>
  );
}
