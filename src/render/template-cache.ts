import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { hashFiles } from "../core/hash-files.ts";

const require = createRequire(import.meta.url);

/** A precompiled template: what `Handlebars.precompile` prints, loaded back as an object. */
export type TemplateSpec = object;

/**
 * The card templates precompiled by the build (dist/cache/templates-<hash>.cjs), so a start with
 * unchanged templates hands each one to the small Handlebars runtime instead of loading the compiler and
 * parsing every file (about a third of `cpbot ask`'s time). Only a set in which every file compiled and
 * passed the JSON check is stored, and the key is a hash of the folder's `.hbs` files (names and bytes,
 * sub-folders included, as `cpbot lint` reads them), so a hit is exactly what a full compile would give.
 * A CommonJS file because rendering is synchronous: `require` loads it without `eval`.
 */
export class TemplateCache {
  constructor(private readonly dir: string) {}

  /** The `.hbs` files under `templatesDir`, relative and sorted (sub-folders too). */
  static files(templatesDir: string, prefix = ""): string[] {
    return readdirSync(path.join(templatesDir, prefix), { withFileTypes: true })
      .flatMap((entry) => {
        const rel = path.join(prefix, entry.name);
        if (entry.isDirectory()) return TemplateCache.files(templatesDir, rel);
        return entry.name.endsWith(".hbs") ? [rel] : [];
      })
      .sort();
  }

  /** The hash of the folder's templates; undefined when it cannot be read. */
  static keyOf(templatesDir: string): string | undefined {
    return hashFiles(templatesDir, () => TemplateCache.files(templatesDir));
  }

  has(key: string): boolean {
    return existsSync(this.file(key));
  }

  /** The precompiled templates by name, or undefined on a miss or an unreadable file. */
  load(key: string): Map<string, TemplateSpec> | undefined {
    if (!this.has(key)) return undefined;
    try {
      const specs = require(this.file(key)) as Record<string, TemplateSpec>;
      return new Map(Object.entries(specs));
    } catch {
      return undefined;
    }
  }

  /** Stores precompiled sources (`Handlebars.precompile` output, JavaScript object literals) by name. */
  save(key: string, sources: ReadonlyMap<string, string>): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const body = [...sources].map(([name, spec]) => `  ${JSON.stringify(name)}: ${spec},`).join("\n");
      const temporary = `${this.file(key)}.${process.pid}.tmp`;
      writeFileSync(
        temporary,
        `"use strict";\n// Written by cpbot's build from templates/*.hbs.\nmodule.exports = {\n${body}\n};\n`,
      );
      renameSync(temporary, this.file(key));
    } catch {
      // A read-only install: templates compile at start, which is correct, only slower.
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `templates-${key}.cjs`);
  }
}
