import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const probe = fileURLToPath(new URL("./fixtures/promise-hooks-probe.ts", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return name === "client" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

// AsyncLocalStorage switches on Node's promise hooks for the whole process once used, a cost on every
// await everywhere (2-3% of `cpbot serve`'s CPU under load). Transactions and per-event context are
// passed explicitly instead.
describe("no promise hooks on the request path", () => {
  it("answering, escalating and a transaction beside another event's write leave promise hooks off", {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", probe], { cwd: root });
    const seen = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    // The probe did the work (an answer, a handoff posted) and could have seen the hooks: off, then off.
    expect(seen).toEqual({ before: false, after: false, answered: 1, handoffs: 1 });
  });

  it("no module of src/ or adapters/ uses AsyncLocalStorage or async hooks", () => {
    const users = [...sources("src"), ...sources("adapters")].filter((file) =>
      /node:async_hooks|new AsyncLocalStorage\b/.test(readFileSync(join(root, file), "utf8")),
    );
    expect(users).toEqual([]);
  });
});
