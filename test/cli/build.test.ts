import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
// Inside the project (as dist/ is), so the compiled code must find playbooks/ by walking up to the root.
const outDir = path.join(root, "node_modules", ".cache", "cpbot-build-test");
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("npm run build", () => {
  it("compiles a CLI that runs without tsx: commands found, playbooks and templates loaded", async () => {
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    await run(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", outDir], { cwd: root });
    const script = `const m = await import(${JSON.stringify(path.join(outDir, "adapters/cli/main.js"))}); process.exitCode = await m.main(process.argv.slice(1));`;
    const lint = await run(process.execPath, ["--input-type=module", "-e", script, "lint"], { cwd: outDir });
    expect(lint.stdout).toContain("20 playbooks");
    expect(lint.stdout).toContain("no problems");
    const ask = await run(process.execPath, ["--input-type=module", "-e", script, "ask", "fault 303-RSC"], {
      cwd: outDir,
      env: { ...process.env, LOG_LEVEL: "error" },
    });
    expect(ask.stdout).toContain("Relay Stuck Closed (303-RSC)");
  }, 60_000);
});
