import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const srcDir = path.resolve(import.meta.dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

// Static imports, re-exports, dynamic import() and require() of anything platform-specific.
const forbidden =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["'](?:(?:\.\.?\/)+adapters\/|@slack\/|botbuilder|@microsoft\/)/;

describe("src/ stays platform-neutral", () => {
  const files = sourceFiles(srcDir);

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("the check itself catches each kind of forbidden import", () => {
    for (const line of [
      'import { App } from "@slack/bolt";',
      'import type { TurnContext } from "botbuilder";',
      'const m = await import("../../adapters/slack/app.ts");',
      'export { x } from "../adapters/cli/main.ts";',
      'import "@microsoft/teams-js";',
    ]) {
      expect(line).toMatch(forbidden);
    }
    expect('import { z } from "zod";').not.toMatch(forbidden);
  });

  for (const file of files) {
    it(`${path.relative(srcDir, file)} stays platform-neutral`, () => {
      expect(readFileSync(file, "utf8")).not.toMatch(forbidden);
    });
  }
});
