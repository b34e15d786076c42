import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from './locale-switch';

export async function AppHeader({ account }: { account?: React.ReactNode }) {
  const t = await getTranslations('common');
  const tm = await getTranslations('map');
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
          <Link href="/peta" className="hover:underline">
            {tm('nav')}
          </Link>
          <LocaleSwitch label={t('nav.language')} />
          {account}
        </nav>
      </div>
    </header>
  );
}
