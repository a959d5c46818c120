import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A short SHA-256 of files' names and bytes, in the order given: the key of a build-cache entry, so a
 * renamed, added, removed or edited file changes it. Undefined when a file cannot be read (the caller
 * then loads in full, which is always correct).
 */
export function hashFiles(dir: string, names: () => readonly string[]): string | undefined {
  try {
    const hash = createHash("sha256");
    for (const name of names()) {
      hash.update(`${name}\0`);
      hash.update(readFileSync(path.join(dir, name)));
      hash.update("\0");
    }
    return hash.digest("hex").slice(0, 32);
  } catch {
    return undefined;
  }
}
