import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  assetEntries,
  builtFromCurrentSources,
  builtFromFile,
  clientSourcesHash,
} from "../../../adapters/console/console-assets.ts";

/**
 * From the TypeScript sources the console serves the bundles `npm run build` wrote when they were built from
 * the client as it is now, instead of bundling chart.js and adaptivecards again in every process.
 */
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function builtDir(stamp: string, names = Object.keys(assetEntries)): string {
  dir = mkdtempSync(path.join(tmpdir(), "cpbot-console-assets-"));
  for (const name of names) writeFileSync(path.join(dir, name), `/* ${name} */`);
  writeFileSync(path.join(dir, builtFromFile), `${stamp}\n`);
  return dir;
}

describe("the console's built bundles, reused from the sources", () => {
  it("are served when their stamp is the hash of the client now", () => {
    const assets = builtFromCurrentSources(builtDir(clientSourcesHash()));
    expect([...(assets?.keys() ?? [])].sort()).toEqual(Object.keys(assetEntries).sort());
    expect(assets?.get("console.css")?.body.toString()).toBe("/* console.css */");
    expect(assets?.get("playground.js")?.contentType).toContain("text/javascript");
  });

  it("are not served when the client changed since (another stamp), or one is missing", () => {
    expect(builtFromCurrentSources(builtDir("0".repeat(64)))).toBeUndefined();
    expect(builtFromCurrentSources(builtDir(clientSourcesHash(), ["playground.js", "console.css"]))).toBeUndefined();
  });

  it("hash the client's files and nothing random: the same twice, 64 hex digits", () => {
    expect(clientSourcesHash()).toBe(clientSourcesHash());
    expect(clientSourcesHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});
