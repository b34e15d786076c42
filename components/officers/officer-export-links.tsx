import { useTranslations } from 'next-intl';

/** CSV/XLSX downloads of the officer list or the belum-lapor list, for the area and date on screen. */
export function OfficerExportLinks({ code, asOf, list }: { code: string; asOf: string; list: 'all' | 'silent' }) {
  const t = useTranslations('officerexport');
  const q = new URLSearchParams({ asOf, list });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="officer-export-links">
      <span className="text-slate-500">{list === 'silent' ? t('downloadSilent') : t('download')}:</span>
      {(
        [
          ['xlsx', 'XLSX', ''],
          ['csv', 'CSV', '&delimiter=semicolon'],
        ] as const
      ).map(([ext, label, extra]) => (
        <a
          key={ext}
          href={`/api/v1/exports/officers/${code}.${ext}?${q}${extra}`}
          className="rounded border border-slate-300 bg-white px-2.5 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
        >
          {label}
        </a>
      ))}
    </div>
  );
}
