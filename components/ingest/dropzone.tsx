'use client';

import { useRef, useState } from 'react';

/** A drop target that is also a button opening the file picker (keyboard and touch friendly). */
export function Dropzone({
  label,
  activeLabel,
  chooseLabel,
  disabled,
  onFile,
}: {
  label: string;
  activeLabel: string;
  chooseLabel: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      className={`flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-4 py-8 text-center ${
        over ? 'border-brand bg-blue-50' : 'border-slate-300 bg-white'
      }`}
    >
      <p className="text-sm text-slate-600">{over ? activeLabel : label}</p>
      <button
        type="button"
        disabled={disabled}
        onClick={() => input.current?.click()}
        className="min-h-11 rounded bg-brand px-4 py-2 font-medium text-white disabled:opacity-50"
      >
        {chooseLabel}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="sr-only"
        aria-label={chooseLabel}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
