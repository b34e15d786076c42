import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pager } from '@/components/pager';
import { isIsoDate } from '@/lib/domain/dates';
import { describeAudit } from '@/lib/audit/describe';
import { formatDate, formatDateTime, zoneName } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { dataFor } from '@/lib/server/data';
import { requirePermission } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('audit.title') };
}

const PAGE_SIZE = 50;
/** The filter's choices: single actions and families (a prefix before the dot). */
const ACTIONS = ['login', 'login.success', 'login.failure', 'logout', 'user', 'token', 'import', 'export', 'report'] as const;

type Search = { aksi?: string; q?: string; dari?: string; sampai?: string; hal?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePermission('readAudit');
  const params = await searchParams;
  const action = (ACTIONS as readonly string[]).includes(params.aksi ?? '') ? params.aksi : undefined;
  const from = params.dari && isIsoDate(params.dari) ? params.dari : undefined;
  const to = params.sampai && isIsoDate(params.sampai) ? params.sampai : undefined;
  const q = params.q?.slice(0, 64) || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.hal ?? '1', 10) || 1));
  const data = dataFor(viewer);
  const [{ rows, total }, campaign] = await Promise.all([
    data.listAuditLog({ action, q, from, to, page, pageSize: PAGE_SIZE }),
    data.getCampaign(),
  ]);
  const [t, ta, tc, locale] = await Promise.all([getTranslations('admin'), getTranslations('auditlog'), getTranslations('common'), getLocale().then(toLocale)]);
  const zone = campaign?.timezone ?? 'UTC';
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filters = { ...(action ? { aksi: action } : {}), ...(q ? { q } : {}), ...(from ? { dari: from } : {}), ...(to ? { sampai: to } : {}) };
  const hrefFor = (p: number) => `/admin/audit?${new URLSearchParams({ ...filters, hal: String(p) })}`;
  const input = 'rounded border border-slate-300 bg-white px-2 py-2 text-sm';

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('audit.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('audit.intro', { kota: (await data.getArea(viewer.scope.kodeKota))?.name ?? viewer.scope.kodeKota })}</p>
      </div>
      <form method="get" className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap" role="search" aria-label={t('audit.title')}>
        <select name="aksi" defaultValue={action ?? ''} aria-label={t('audit.action')} className={input}>
          <option value="">{t('audit.allActions')}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`audit.actions.${a.replace('.', '_') as 'login'}`)}
            </option>
          ))}
        </select>
        <input name="q" type="search" defaultValue={q ?? ''} placeholder={t('audit.q')} aria-label={t('audit.q')} className={`${input} min-w-0 sm:flex-1`} />
        <label className="flex items-center gap-1 text-sm">
          {t('audit.from')}
          <input name="dari" type="date" defaultValue={from ?? ''} className={`${input} min-w-0 flex-1`} />
        </label>
        <label className="flex items-center gap-1 text-sm">
          {t('audit.to')}
          <input name="sampai" type="date" defaultValue={to ?? ''} className={`${input} min-w-0 flex-1`} />
        </label>
        <button type="submit" className="col-span-2 rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
          {t('audit.filter')}
        </button>
      </form>
      <p className="text-sm text-slate-600">
        {t('audit.count', { count: total })} · {ta('zone', { zone: zoneName(zone) })}
      </p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="audit-list">
        {rows.map((r) => {
          const text = describeAudit(r.action, r.detail);
          const details = text.details.map((d) => ta(`detail.${d.key}` as 'detail.raw', readable(d.params, locale, tc) as never)).join(' · ');
          return (
            <li key={r.id} className="grid gap-x-3 px-3 py-2 text-sm sm:grid-cols-[11rem_14rem_1fr]">
              <span className="text-xs text-slate-500 tabular-nums">{formatDateTime(r.at, locale, zone, true)}</span>
              <span className="font-medium" title={r.action}>
                {ta(`action.${text.action}` as 'action.other')}
              </span>
              <span className="min-w-0">
                <span className="font-mono text-[13px]">{r.actor}</span>
                {r.target ? <span className="text-slate-600"> → {r.target}</span> : null}
                {r.ip ? <span className="text-xs text-slate-500"> · {r.ip}</span> : null}
                {details ? <span className="block text-xs text-slate-600">{details}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      <Pager page={page} pages={pages} hrefFor={hrefFor} labels={{ prev: t('users.prev'), next: t('users.next'), page: t('users.page', { page, pages }) }} />
    </div>
  );
}

/** Dates, roles and levels inside a detail read as words ("2 Nov 2022", "Lurah", "SLS"). */
function readable(params: Record<string, string | number>, locale: 'id' | 'en', tc: (k: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue;
    if ((k === 'date' || k === 'asOf') && isIsoDate(v)) out[k] = formatDate(v, locale);
    if (k === 'level' && ['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls'].includes(v)) out[k] = tc(`levels.${v}`);
    if (/role$/i.test(k)) out[k] = ROLE_NAMES[v] ?? v;
  }
  return out;
}

/** Role codes as their titles; the same in both languages. */
const ROLE_NAMES: Record<string, string> = { admin: 'Admin', pimpinan: 'Pimpinan', camat: 'Camat', lurah: 'Lurah', pml: 'PML', ppl: 'PPL' };
