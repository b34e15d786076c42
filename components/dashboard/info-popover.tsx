'use client';

import Link from 'next/link';
import { useId } from 'react';

export interface Definition {
  /** Glossary anchor (the metric's key). */
  id: string;
  label: string;
  formula: string;
  definition: string;
}

/**
 * An "i" button that opens a figure's definition in a native popover: one tap away, light
 * dismiss (tap outside, Esc) and keyboard focus handled by the browser, no layout shift.
 */
export function InfoPopover({ def, labels }: { def: Definition; labels: { open: string; glossary: string; close: string } }) {
  const id = useId();
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-label={labels.open}
        className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border border-slate-300 text-[11px] font-semibold leading-none text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand"
      >
        i
      </button>
      <div
        id={id}
        popover="auto"
        role="dialog"
        aria-label={def.label}
        className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-4 text-left text-sm normal-case tracking-normal text-slate-800 shadow-xl backdrop:bg-slate-900/20"
      >
        <div className="font-semibold">{def.label}</div>
        <code className="mt-1 block rounded bg-slate-100 px-2 py-1 text-xs text-slate-700">{def.formula}</code>
        <p className="mt-2 font-normal">{def.definition}</p>
        <div className="mt-3 flex items-center justify-between gap-2 text-xs">
          <Link href={`/glosarium#${def.id}`} className="text-brand hover:underline">
            {labels.glossary}
          </Link>
          <button type="button" popoverTarget={id} popoverTargetAction="hide" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
            {labels.close}
          </button>
        </div>
      </div>
    </>
  );
}
