import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Compiles the current sources with `scripts/build.js` into a directory of their own inside the project
 * (so packages and playbooks resolve as they do from dist/) and returns the CLI's entry. Child processes
 * then start in about a second instead of compiling TypeScript on every start.
 */
export async function buildCli(name: string): Promise<{ main: string; remove: () => void }> {
  const outDir = path.join(root, "node_modules", ".cache", `cpbot-${name}-${process.pid}`);
  await promisify(execFile)(process.execPath, [path.join(root, "scripts", "build.js"), outDir], { cwd: root });
  return {
    main: path.join(outDir, "adapters", "cli", "main.js"),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
