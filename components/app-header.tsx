import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';
import { SearchBox } from './search-box';

export async function AppHeader() {
  const t = await getTranslations('common');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
        <Link href="/" className="flex items-baseline gap-2 font-semibold text-brand">
          <span className="text-lg">{t('appName')}</span>
          <span className="hidden text-xs font-normal text-slate-500 lg:inline">{t('tagline')}</span>
        </Link>
        <nav className="ml-auto flex items-center gap-3 text-sm sm:order-last">
          <Link href="/" className="hover:underline">
            {t('nav.dashboard')}
          </Link>
          <Link href="/glosarium" className="hover:underline">
            {t('nav.glossary')}
          </Link>
          <LocaleSwitch label={t('nav.language')} />
        </nav>
        <div className="order-last w-full sm:order-none sm:ml-auto sm:w-auto">
          <SearchBox />
        </div>
      </div>
    </header>
  );
}
