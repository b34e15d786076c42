import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';
import { SearchBox } from './search-box';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * Brand, language and account on the first row; search and the sections the viewer may use
 * below it. On a phone the section links scroll sideways inside their own row, so the page
 * itself never gets wider than the screen.
 */
export async function AppHeader({ account, nav = [], search = false }: { account?: React.ReactNode; nav?: NavItem[]; search?: boolean }) {
  const t = await getTranslations('common');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
        <Link href="/" className="flex items-baseline gap-2 font-semibold text-brand">
          <span className="text-lg">{t('appName')}</span>
          <span className="hidden text-xs font-normal text-slate-500 lg:inline">{t('tagline')}</span>
        </Link>
        {search ? (
          <div className="order-last w-full md:order-none md:ml-auto md:w-auto md:min-w-0 md:max-w-sm md:flex-1">
            <SearchBox />
          </div>
        ) : null}
        <div className="ml-auto flex shrink-0 items-center gap-2 md:ml-0">
          <LocaleSwitch label={t('nav.language')} />
          {account}
        </div>
      </div>
      {nav.length ? (
        <nav aria-label={t('nav.sections')} className="mx-auto max-w-6xl overflow-x-auto px-3 sm:px-6">
          <ul className="flex gap-1 whitespace-nowrap pb-1 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="inline-block rounded px-2 py-2 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
