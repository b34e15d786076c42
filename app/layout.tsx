import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { AppHeader } from '@/components/app-header';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pantau', template: '%s · Pantau' },
  description: 'Pemantauan lapangan Regsosek 2022',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <Providers>
            <AppHeader />
            <main className="mx-auto max-w-6xl px-3 py-4 sm:px-6">{children}</main>
          </Providers>
          <footer className="mx-auto max-w-6xl px-3 pb-8 pt-4 text-xs text-slate-500 sm:px-6">
            <p>{t('modelled')}</p>
            <p className="mt-1">{t('attribution')}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
