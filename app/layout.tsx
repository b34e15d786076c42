import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { AccountMenu } from '@/components/account-menu';
import { AppHeader, type NavItem } from '@/components/app-header';
import { can } from '@/lib/domain/roles';
import { getViewer, type Viewer } from '@/lib/server/viewer';
import { logout } from './masuk/actions';
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
  const viewer = await getViewer();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <Providers>
            <AppHeader account={viewer ? await accountMenu(viewer) : null} nav={viewer ? await navItems(viewer) : []} search={!!viewer?.homeArea} />
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

/** The sections this viewer can use: area pages need an area root, imports need the admin. */
async function navItems(viewer: Viewer): Promise<NavItem[]> {
  const t = await getTranslations('common');
  const areaRole = viewer.homeArea !== null;
  const items: Array<NavItem | false> = [
    { href: '/', label: t('nav.dashboard') },
    areaRole && { href: '/peta', label: t('nav.map') },
    { href: '/petugas', label: t('nav.officers') },
    areaRole && { href: '/laporan', label: t('nav.reports') },
    areaRole && { href: `/tindak-lanjut/${viewer.homeArea}`, label: (await getTranslations('followup'))('nav') },
    can(viewer, 'submitReports') && { href: '/lapor', label: t('nav.submit') },
    can(viewer, 'importData') && { href: '/impor', label: t('nav.import') },
    { href: '/glosarium', label: t('nav.glossary') },
  ];
  return items.filter((i): i is NavItem => !!i);
}

async function accountMenu(viewer: Viewer) {
  const [ta, tadmin] = await Promise.all([getTranslations('auth'), getTranslations('admin')]);
  const adminLinks = can(viewer, 'manageUsers')
    ? [
        { href: '/admin/pengguna', label: tadmin('nav.users') },
        { href: '/admin/token', label: tadmin('nav.tokens') },
        { href: '/admin/audit', label: tadmin('nav.audit') },
      ]
    : [];
  return <AccountMenu username={viewer.username} roleLabel={ta(`roles.${viewer.role}`)} logoutLabel={ta('logout')} logout={logout} adminLinks={adminLinks} />;
}
