/** Runs one step of a benchmark and prints how long it took. */
export async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(52)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}
