import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashFiles } from "../core/hash-files.ts";
import type { Playbook } from "./playbook-schema.ts";

/**
 * Validated playbooks kept as JSON under a hash of the folder's YAML files (names and bytes), so a start
 * with unchanged playbooks skips YAML parsing, schema validation and lint: most of what `cpbot match`
 * spent starting. Only a set that loaded without a single problem is stored, and any edit changes the
 * hash, so a hit is always what a full load would return. Failures only mean "load in full".
 */
export class PlaybookCache {
  constructor(private readonly dir: string) {}

  /** The hash of the playbook folder's YAML files; undefined when the folder cannot be read. */
  static keyOf(playbooksDir: string): string | undefined {
    return hashFiles(playbooksDir, () =>
      readdirSync(playbooksDir)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort(),
    );
  }

  load(key: string): Playbook[] | undefined {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file(key), "utf8"));
      return Array.isArray(parsed) ? (parsed as Playbook[]) : undefined;
    } catch {
      return undefined;
    }
  }

  save(key: string, playbooks: readonly Playbook[]): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const temporary = `${this.file(key)}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(playbooks));
      renameSync(temporary, this.file(key));
    } catch {
      // A read-only install: the next start loads the YAML again, which is correct, only slower.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `playbooks-${key}.json`);
  }
}
