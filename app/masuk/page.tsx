import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DemoLogins } from '@/components/demo-logins';
import { LoginForm } from '@/components/login-form';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { safeNextPath } from '@/lib/auth/request-info';
import type { Role } from '@/lib/domain/roles';
import { readEnv } from '@/lib/env';
import { listDemoLogins } from '@/lib/server/sign-in';
import { getViewer } from '@/lib/server/viewer';
import { login } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

const SEARCH_LIMIT = 30;

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; u?: string; cari?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getViewer()) redirect(next ?? '/');
  const t = await getTranslations('auth');
  const demo = readEnv().demo ? await demoSection(params) : null;
  const picked = demo?.picked ?? null;
  const hrefFor = (username: string) => {
    const q = new URLSearchParams({ u: username, ...(next ? { next } : {}), ...(params.cari ? { cari: params.cari } : {}) });
    return `/masuk?${q}`;
  };
  const roleLabel = (role: Role) => t(`roles.${role}`);

  return (
    <div className="mx-auto max-w-md space-y-6 py-2 sm:py-6">
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-1 mb-4 text-sm text-slate-600">{t('intro')}</p>
        <LoginForm key={picked ?? ''} action={login} next={next} username={picked ?? undefined} password={picked ? DEMO_PASSWORD : undefined} />
      </section>

      {demo ? (
        <section className="space-y-3" aria-labelledby="demo-title">
          <h2 id="demo-title" className="font-semibold">
            {t('demo.title')}
          </h2>
          <p className="text-sm text-slate-600">{t.rich('demo.password', { password: DEMO_PASSWORD, pw: (chunks) => <code className="rounded bg-slate-100 px-1 font-mono">{chunks}</code> })}</p>
          <h3 className="text-sm font-medium text-slate-700">{t('demo.examples')}</h3>
          <DemoLogins items={demo.examples} roleLabel={roleLabel} hrefFor={hrefFor} useLabel={t('demo.use')} />
          <form method="get" action="/masuk" className="flex gap-2" role="search">
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <label className="sr-only" htmlFor="demo-search">
              {t('demo.search')}
            </label>
            <input
              id="demo-search"
              name="cari"
              type="search"
              defaultValue={params.cari ?? ''}
              placeholder={t('demo.searchHint')}
              className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2 text-sm"
            />
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
              {t('demo.searchButton')}
            </button>
          </form>
          {demo.results ? (
            <div className="space-y-2" data-testid="demo-results">
              <p className="text-sm text-slate-600">
                {demo.results.length > SEARCH_LIMIT ? t('demo.more', { shown: SEARCH_LIMIT }) : t('demo.results', { count: demo.results.length })}
              </p>
              {demo.results.length ? <DemoLogins items={demo.results.slice(0, SEARCH_LIMIT)} roleLabel={roleLabel} hrefFor={hrefFor} useLabel={t('demo.use')} /> : null}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

async function demoSection(params: { u?: string; cari?: string }) {
  const examples = await listDemoLogins({ limit: 12, examples: true });
  if (examples.length === 0) return null;
  const results = params.cari?.trim() ? await listDemoLogins({ q: params.cari.slice(0, 64), limit: SEARCH_LIMIT + 1 }) : null;
  const [picked] = params.u ? await listDemoLogins({ username: params.u.slice(0, 64), limit: 1 }) : [];
  return { examples, results, picked: picked?.username ?? null };
}
