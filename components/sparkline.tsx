/** A tiny inline bar chart of daily values (zero days show as gaps); negative values dip below the axis. */
export function Sparkline({ values, label, width = 84, height = 22, color = '#1d4ed8' }: { values: readonly number[]; label: string; width?: number; height?: number; color?: string }) {
  const max = Math.max(1, ...values);
  const min = Math.min(0, ...values);
  const span = max - min;
  const step = values.length > 0 ? width / values.length : width;
  const zero = height - ((0 - min) / span) * height;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="block">
      <title>{label}</title>
      <line x1={0} x2={width} y1={zero} y2={zero} stroke="#cbd5e1" strokeWidth={1} />
      {values.map((v, i) => {
        const h = (Math.abs(v) / span) * height;
        return <rect key={i} x={i * step + 0.5} y={v >= 0 ? zero - h : zero} width={Math.max(1, step - 1.5)} height={h} fill={v >= 0 ? color : '#d55e00'} />;
      })}
    </svg>
  );
}
