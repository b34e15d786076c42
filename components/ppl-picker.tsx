/**
 * Who the report is for. A PML's team (a handful of PPL) is a list to tap; an admin, who may act
 * for any PPL of the kab/kota, types a code or name with suggestions.
 */
export function PplPicker({ label, choices, chosen, asList }: { label: string; choices: { code: string; name: string; kelurahan: string }[]; chosen?: string; asList: boolean }) {
  if (asList) {
    return (
      <fieldset className="text-sm sm:col-span-3" data-testid="petugas-list">
        <legend className="font-medium">{label}</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {choices.map((c) => (
            <label key={c.code} className="flex min-h-12 items-center gap-2 rounded border border-slate-300 px-2 has-[:checked]:border-brand has-[:checked]:bg-blue-50">
              <input type="radio" name="petugas" value={c.code} defaultChecked={c.code === chosen} />
              <span>
                <span className="font-medium">{c.name}</span> <span className="font-mono text-xs text-slate-500">{c.code}</span>
                <span className="block text-xs text-slate-500">{c.kelurahan}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <label className="block text-sm font-medium">
      {label}
      <input name="petugas" list="ppl-choices" defaultValue={chosen ?? ''} className="mt-1 block h-12 w-full rounded border border-slate-300 px-2" autoComplete="off" data-testid="petugas-input" />
      <datalist id="ppl-choices">
        {choices.map((c) => (
          <option key={c.code} value={c.code}>{`${c.name} · ${c.kelurahan}`}</option>
        ))}
      </datalist>
    </label>
  );
}
