import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Median and 99th percentile of a list of milliseconds. */
export function summarise(samples: readonly number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}

/** Times `fn` once per input, `rounds` times over, after an untimed warm-up round (JIT, caches). */
export function timePerCall<T>(inputs: readonly T[], fn: (input: T) => unknown, rounds = 5, warmUp = true): number[] {
  if (warmUp) for (const input of inputs) fn(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

// `--expose-gc` cannot be passed through `npm run bench`, so switch it on here to measure heap honestly.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Memory in use (MB) after a full collection: the JS heap plus typed-array buffers, which live outside it. */
export function heapUsedMb(): number {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 2 ** 20;
}
