'use client';

import { useActionState } from 'react';

/** What a form's server action answers: a message, and a secret (password, token) shown once. */
export interface ActionResult {
  ok: boolean;
  message: string;
  secret?: string;
  secretNote?: string;
}

interface Props {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult | null>;
  submitLabel: string;
  children: React.ReactNode;
  className?: string;
  testId?: string;
  /** A destructive action (disable, revoke) gets a red button. */
  danger?: boolean;
}

/** A form posting a server action, with its answer under the button (and any one-time secret). */
export function ActionForm({ action, submitLabel, children, className, testId, danger }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? 'space-y-3'} data-testid={testId}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`justify-self-start rounded px-4 py-2 text-sm font-medium text-white disabled:opacity-60 ${danger ? 'bg-red-700 hover:bg-red-800' : 'bg-brand hover:bg-blue-800'}`}
      >
        {submitLabel}
      </button>
      {state ? (
        <div
          role={state.ok ? 'status' : 'alert'}
          className={`rounded border px-3 py-2 text-sm ${state.ok ? 'border-green-200 bg-green-50 text-green-900' : 'border-red-200 bg-red-50 text-red-800'}`}
        >
          <p>{state.message}</p>
          {state.secret ? (
            <>
              <code className="mt-2 block select-all break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900" data-testid="one-time-secret">
                {state.secret}
              </code>
              {state.secretNote ? <p className="mt-1 text-xs">{state.secretNote}</p> : null}
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

/** A labelled input for admin forms. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <input {...input} className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm" />
      {hint ? <span className="mt-0.5 block text-xs text-slate-500">{hint}</span> : null}
    </label>
  );
}
