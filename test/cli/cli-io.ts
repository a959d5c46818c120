import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { CliIO } from "../../adapters/cli/command.ts";

/** A CliIO over strings: `input` is what a pipe would give the command; output is collected. */
export function fakeIO(input: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { DATABASE_URL: join(mkdtempSync(join(tmpdir(), "cpbot-cli-")), "cpbot.db"), USER: "tester", ...env },
    stdin: Readable.from([input]),
    cwd: process.cwd(),
  };
  return { io, stdout: () => out.join("\n"), stderr: () => err.join("\n") };
}
