/** Round percentage ticks from 0 to just above the largest share: by 5 up to 20%, by 10 up to 50%, else by 25. */
export function percentTicks(max: number): number[] {
  const step = max <= 0.2 ? 5 : max <= 0.5 ? 10 : 25;
  const top = Math.min(100, Math.max(step, Math.ceil((max * 100) / step) * step));
  return Array.from({ length: top / step + 1 }, (_, i) => (i * step) / 100);
}
