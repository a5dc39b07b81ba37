import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Runs `work` a few times after a warm-up and reports the median: figures to read, never a pass/fail. */
export async function measure(name: string, work: () => unknown, runs = 7): Promise<Measurement> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs };
}

export function printTable(title: string, rows: { name: string; value: string; budget?: string }[]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((row) => row.name.length));
  for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${row.value.padStart(12)}${row.budget ? `   (budget ${row.budget})` : ''}`);
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
