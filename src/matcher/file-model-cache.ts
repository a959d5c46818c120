import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ModelCache } from "./match-result.ts";

/**
 * Trained weights as files in `dir`, one per training key. A cache only saves time, so every failure
 * (a read-only folder, a half-written file) means "train again", never an error: a file whose length
 * does not fit the model is refused by the model itself. Files are written under a temporary name and
 * renamed, so a reader never sees half of one.
 */
export function fileModelCache(dir: string): ModelCache {
  const file = (key: string) => path.join(dir, `model-${key}.f64`);
  return {
    load(key) {
      try {
        const bytes = readFileSync(file(key));
        if (bytes.byteLength % 8 !== 0) return undefined;
        // A file this size gets a buffer of its own, used in place; a Buffer from the pool may start at
        // any byte offset, and is copied into an aligned one.
        if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
        return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      } catch {
        return undefined;
      }
    },
    save(key, weights) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
        renameSync(temporary, file(key));
      } catch {
        // Not writable (a read-only image): the next start trains again, which is correct, only slower.
      }
    },
  };
}
