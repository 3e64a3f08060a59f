/**
 * Per-week counts as a small line. An image with its numbers as the text alternative; the same
 * numbers stand in the week table under it, so nothing is only in the picture.
 */
export function KpiSparkline({ counts, label }: { counts: number[]; label: string }) {
  const width = 120;
  const height = 24;
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? (width - 4) / (counts.length - 1) : 0;
  const points = counts.map((count, i) => `${(2 + i * step).toFixed(1)},${(height - 2 - (count / max) * (height - 4)).toFixed(1)}`);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="block">
      <title>{label}</title>
      <line x1={0} y1={height - 2} x2={width} y2={height - 2} stroke="#cbd5e1" strokeWidth={1} />
      {counts.length > 1 ? <polyline points={points.join(" ")} fill="none" stroke="#1d4ed8" strokeWidth={1.5} /> : null}
      {points.length > 0 ? <circle cx={points.at(-1)!.split(",")[0]} cy={points.at(-1)!.split(",")[1]} r={2} fill="#1d4ed8" /> : null}
    </svg>
  );
}
