import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, "../../bin/cpbot.js");
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** Runs the real `cpbot` binary in a directory holding the given .env file. */
async function cpbotIn(dotenv: string, env: Record<string, string> = {}) {
  dir = mkdtempSync(path.join(tmpdir(), "cpbot-env-"));
  writeFileSync(path.join(dir, ".env"), dotenv);
  const { LOG_LEVEL: _ignored, ...base } = process.env;
  return run(process.execPath, [bin, "ask", "help"], { cwd: dir, env: { ...base, ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe("bin/cpbot.js reads ./.env", () => {
  it("applies a setting from .env", async () => {
    const result = await cpbotIn("LOG_LEVEL=bogus\n");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('LOG_LEVEL = "bogus"');
  });

  it("lets a variable already in the environment win over .env", async () => {
    const result = await cpbotIn("LOG_LEVEL=bogus\n", { LOG_LEVEL: "error" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("cpbot help");
  });
});
