import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';

export async function AppHeader() {
  const t = await getTranslations('common');
  const to = await getTranslations('officers');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-3 py-2 sm:px-6">
        <Link href="/" className="flex items-baseline gap-2 font-semibold text-brand">
          <span className="text-lg">{t('appName')}</span>
          <span className="hidden text-xs font-normal text-slate-500 sm:inline">{t('tagline')}</span>
        </Link>
        <nav className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/" className="hover:underline">
            {t('nav.dashboard')}
          </Link>
          <Link href="/petugas" className="hover:underline">
            {to('title')}
          </Link>
          <LocaleSwitch label={t('nav.language')} />
        </nav>
      </div>
    </header>
  );
}
