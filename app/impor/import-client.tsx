'use client';

import { useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Dropzone } from '@/components/ingest/dropzone';
import { ImportHistory } from '@/components/ingest/import-history';
import { ImportResult, type ResultView } from '@/components/ingest/import-result';
import { ProgressBar } from '@/components/ingest/progress-bar';
import { useLiveRefresh } from '@/lib/client/live-refresh';
import { fetchImportDetail, importDetailQuery, importListQuery, queryKeys } from '@/lib/client/queries';
import { formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { ImportDetail, PresentedRejection } from '@/lib/ingest/api-types';
import type { ImportKind } from '@/lib/ingest/reasons';
import { uploadFile } from './upload-file';

const PAGE = 100;

function toView(d: ImportDetail, corrections = 0): ResultView {
  return { ...d, status: d.status === 'running' ? 'running' : d.status, corrections };
}

type Upload = { file: string; progress: number | null } | null;

/** The /impor page: pick a kind, drop a file, watch it upload, read the result, fix the rejects. */
export function ImportClient({ kinds, timeZone }: { kinds: ImportKind[]; timeZone: string }) {
  const t = useTranslations('ingest');
  const locale = toLocale(useLocale());
  const queryClient = useQueryClient();
  const [kind, setKind] = useState('');
  const [upload, setUpload] = useState<Upload>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{ id: number; corrections: number } | null>(null);
  const [extra, setExtra] = useState<PresentedRejection[]>([]);
  const [historyPage, setHistoryPage] = useState(1);
  useLiveRefresh();

  // In the page's language (the reasons are sentences): a page's language is a cookie the browser's Accept-Language may not match.
  const history = useQuery(importListQuery(historyPage, locale));
  const detail = useQuery(importDetailQuery(selected?.id ?? null, locale, PAGE));

  async function send(file: File) {
    setError(null);
    setExtra([]);
    setUpload({ file: file.name, progress: 0 });
    const outcome = await uploadFile(file, kind, locale, (progress) => setUpload({ file: file.name, progress }));
    setUpload(null);
    if (outcome.ok) setSelected({ id: outcome.body.id, corrections: outcome.body.corrections.length });
    else if ('network' in outcome) setError(t('ui.networkError'));
    else {
      setError(outcome.message);
      setSelected(outcome.importId ? { id: outcome.importId, corrections: 0 } : null);
    }
    await queryClient.invalidateQueries({ queryKey: queryKeys.imports });
  }

  async function more() {
    if (!selected || !detail.data) return;
    const next = await fetchImportDetail(selected.id, locale, { offset: detail.data.rejections.length + extra.length, limit: PAGE });
    setExtra((rows) => [...rows, ...next.rejections]);
  }

  const busy = upload !== null;
  return (
    <div className="space-y-4">
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <label className="block text-sm font-medium">
          {t('ui.kind')}
          <select
            className="mt-1 block min-h-11 w-full rounded border border-slate-300 bg-white px-2 sm:w-80"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            data-testid="kind-select"
          >
            <option value="">{t('ui.kindAuto')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <Dropzone label={t('ui.drop')} activeLabel={t('ui.dropActive')} chooseLabel={t('ui.choose')} disabled={busy} onFile={send} />
        {upload ? (
          <ProgressBar
            value={upload.progress}
            label={
              upload.progress === null
                ? t('ui.processing', { file: upload.file })
                : t('ui.uploading', { file: upload.file, percent: formatNumber(upload.progress * 100, locale) + '%' })
            }
          />
        ) : null}
        {error ? (
          <p className="rounded bg-red-50 p-2 text-sm text-red-800" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
      </section>

      {selected && detail.data ? (
        <ImportResult result={toView(detail.data, selected.corrections)} rejections={[...detail.data.rejections, ...extra]} onMore={more} />
      ) : null}

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">{t('ui.templates')}</h2>
        <ul className="grid gap-1 p-3 text-sm sm:grid-cols-2">
          {kinds.map((k) => (
            <li key={k} className="flex flex-wrap items-center gap-x-3">
              <span className="min-w-40">{t(`kinds.${k}`)}</span>
              <a className="inline-block py-2 text-brand underline" href={`/api/v1/imports/templates/${k}.xlsx?lang=${locale}`} download>
                XLSX
              </a>
              <a className="inline-block py-2 text-brand underline" href={`/api/v1/imports/templates/${k}.csv`} download>
                CSV
              </a>
            </li>
          ))}
        </ul>
        <p className="px-3 pb-3 text-xs text-slate-500">{t('ui.templateHelp')}</p>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">{t('ui.history')}</h2>
        <ImportHistory timeZone={timeZone} list={history.data} onSelect={(id) => (setExtra([]), setSelected({ id, corrections: 0 }))} onPage={setHistoryPage} />
      </section>
    </div>
  );
}
