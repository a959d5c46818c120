import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashFiles } from "../core/hash-files.ts";
import { type ScorerCache, type ScorerSnapshot, snapshotProblem } from "./scorer-snapshot.ts";

/**
 * Scorer snapshots as JSON files in `dir`. The file name joins the snapshot key (the training texts)
 * with a hash of the matcher's own code in `codeDir` (every module file's name and bytes), so an edited
 * analyser, synonym table or word list never meets a snapshot the old code made. Like the other build
 * caches this only saves time: a missing file is a quiet miss, a damaged one is reported through `warn`
 * and rebuilt, and a folder that cannot be written to means building at every start.
 */
export function fileScorerCache(dir: string, codeDir: string, warn: (message: string) => void): ScorerCache {
  let code: string | undefined;
  const file = (key: string) => {
    code ??= hashFiles(codeDir, () =>
      readdirSync(codeDir)
        .filter((n) => /\.(js|ts)$/.test(n))
        .sort(),
    );
    const joined = createHash("sha256")
      .update(`${key}\0${code ?? "unreadable"}`)
      .digest("hex")
      .slice(0, 32);
    return path.join(dir, `scorer-${joined}.json`);
  };
  return {
    load(key) {
      const name = file(key);
      let text: string;
      try {
        text = readFileSync(name, "utf8");
      } catch {
        return undefined;
      }
      try {
        const parsed: unknown = JSON.parse(text);
        const problem = snapshotProblem(parsed);
        if (!problem) return parsed as ScorerSnapshot;
        warn(`ignoring the matcher cache file ${name} (${problem}); building the matcher instead`);
      } catch (error) {
        warn(`ignoring the matcher cache file ${name} (${(error as Error).message}); building the matcher instead`);
      }
      return undefined;
    },
    save(key, snapshot) {
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${file(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(snapshot));
        renameSync(temporary, file(key));
      } catch {
        // Not writable (a read-only image): the next start builds the scorer again, which is correct, only slower.
      }
    },
    unusable(key, reason) {
      warn(`ignoring the matcher cache file ${file(key)} (${reason}); building the matcher instead`);
    },
  };
}
