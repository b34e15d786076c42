'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { postFollowup } from '@/lib/client/writes';
import { FOLLOWUP_NOTE_MAX, FOLLOWUP_PARTIES, type FollowupParty } from '@/lib/domain/followup';

export interface SlsOption {
  code: string;
  name: string;
  open: number;
}

const field = 'w-full min-w-0 rounded border border-slate-300 p-2 text-base';

/** Records a follow-up visit through POST /api/v1/followups; the server checks the counts and the scope. */
export function FollowupForm({ options, date, min, max }: { options: SlsOption[]; date: string; min: string; max: string }) {
  const t = useTranslations('followup');
  const router = useRouter();
  const [sls, setSls] = useState(options[0]?.code ?? '');
  const [tanggal, setTanggal] = useState(date);
  const [parties, setParties] = useState<FollowupParty[]>(['staf_kelurahan']);
  const [counts, setCounts] = useState({ visited: 0, agreed: 0, stillRefusing: 0 });
  const [note, setNote] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved'; version: number } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const open = options.find((o) => o.code === sls)?.open ?? 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setState({ kind: 'saving' });
    let version: number;
    try {
      ({ version } = (await postFollowup({ kodeSls: sls, tanggal, parties, ...counts, note: note.trim() || null })).followup);
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    setState({ kind: 'saved', version });
    setNote('');
    router.refresh();
  }

  const toggle = (p: FollowupParty) => setParties((cur) => (cur.includes(p) ? cur.filter((x) => x !== p) : [...cur, p]));
  const number = (key: keyof typeof counts) => (
    <label className="grid gap-1 text-sm">
      <span className="font-medium">{t(`form.${key}`)}</span>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        name={key}
        className={field}
        value={counts[key]}
        onChange={(e) => setCounts((c) => ({ ...c, [key]: Math.max(0, Number(e.target.value) || 0) }))}
      />
    </label>
  );

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="followup-form-title">
      <h2 id="followup-form-title" className="text-lg font-semibold">
        {t('form.title')}
      </h2>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t('form.sls')}</span>
        <select name="kodeSls" className={field} value={sls} onChange={(e) => setSls(e.target.value)}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name} ({o.code.slice(10)}) — {o.open}
            </option>
          ))}
        </select>
        <span className="text-slate-600">{t('form.open', { open })}</span>
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t('form.tanggal')}</span>
        <input type="date" name="tanggal" className={field} value={tanggal} min={min} max={max} onChange={(e) => setTanggal(e.target.value)} />
      </label>
      <fieldset className="grid gap-1 text-sm">
        <legend className="mb-1 font-medium">{t('form.parties')}</legend>
        {FOLLOWUP_PARTIES.map((p) => (
          <label key={p} className="flex min-h-9 items-center gap-2">
            <input type="checkbox" name="parties" value={p} checked={parties.includes(p)} onChange={() => toggle(p)} />
            {t(`parties.${p}`)}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-3">
        {number('visited')}
        {number('agreed')}
        {number('stillRefusing')}
      </div>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t('form.note')}</span>
        <span id="followup-note-hint" className="font-medium text-amber-800">
          {t('form.noteHint')}
        </span>
        <textarea name="note" className={field} rows={2} maxLength={FOLLOWUP_NOTE_MAX} value={note} aria-describedby="followup-note-hint" onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={state.kind === 'saving' || !sls} className="min-h-11 rounded bg-blue-700 px-4 font-medium text-white disabled:opacity-60">
        {state.kind === 'saving' ? t('form.saving') : t('form.submit')}
      </button>
      <p role="status" aria-live="polite" className="text-sm">
        {state.kind === 'saved' ? <span className="text-green-800">{t('form.saved', { version: state.version })}</span> : null}
        {state.kind === 'error' ? <span className="text-red-800">{t('form.error', { message: state.message })}</span> : null}
      </p>
    </form>
  );
}
