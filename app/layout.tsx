import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { AccountMenu } from '@/components/account-menu';
import { AppHeader } from '@/components/app-header';
import { can } from '@/lib/domain/roles';
import { getViewer } from '@/lib/server/viewer';
import { logout } from './masuk/actions';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pantau', template: '%s · Pantau' },
  description: 'Pemantauan lapangan Regsosek 2022',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('common');
  const account = await accountMenu();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <AppHeader account={account} />
          <main className="mx-auto max-w-6xl px-3 py-4 sm:px-6">{children}</main>
          <footer className="mx-auto max-w-6xl px-3 pb-8 pt-4 text-xs text-slate-500 sm:px-6">
            <p>{t('modelled')}</p>
            <p className="mt-1">{t('attribution')}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

async function accountMenu() {
  const viewer = await getViewer();
  if (!viewer) return null;
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
