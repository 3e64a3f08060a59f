/** A horizontal bar for a share with the target as a marker; decorative, the numbers are in text. */
export function KpiBar({ value, target, good }: { value: number | null; target: number | null; good: boolean | null }) {
  const width = 200;
  const fill = value === null ? 0 : Math.max(0, Math.min(1, value)) * width;
  const colour = good === null ? "#64748b" : good ? "#15803d" : "#b91c1c";
  return (
    <svg width={width} height={14} viewBox={`0 0 ${width} 14`} aria-hidden="true" focusable="false" className="block">
      <rect x={0} y={3} width={width} height={8} rx={4} fill="#e2e8f0" />
      <rect x={0} y={3} width={fill} height={8} rx={4} fill={colour} />
      {target !== null ? <rect x={Math.min(width - 2, target * width)} y={0} width={2} height={14} fill="#0f172a" /> : null}
    </svg>
  );
}
