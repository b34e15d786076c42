'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { LoginState } from '@/app/masuk/actions';

interface Props {
  action: (prev: LoginState, form: FormData) => Promise<LoginState>;
  next: string | null;
  username?: string;
  /** Demo mode prefills the published demo password for a picked demo account. */
  password?: string;
}

/** Username and password; works before hydration too (a plain form posting the server action). */
export function LoginForm({ action, next, username, password }: Props) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t('username')}</span>
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={state.username ?? username ?? ''}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t('password')}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          defaultValue={password ?? ''}
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-base focus:border-brand focus:outline-none focus:ring-1 focus:ring-brand"
        />
      </label>
      {state.error ? (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
          {t(`errors.${state.error}`, { minutes: state.minutes ?? 0, username: state.username?.trim().toLowerCase() ?? '' })}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
