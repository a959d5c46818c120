import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { CliIO } from "../../adapters/cli/command.ts";
import { main } from "../../adapters/cli/main.ts";

/** A CliIO whose output is kept line by line, so tests can assert on exactly what was written. */
export interface RecordingIO extends CliIO {
  stdout: string[];
  stderr: string[];
}

export interface RecordingIOOptions {
  /** What a pipe would give the command; without it stdin is empty. */
  stdin?: string;
  /** Empty unless given: commands see no DATABASE_URL or USER they were not handed. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function recordingIO({ stdin, env = {}, cwd = process.cwd() }: RecordingIOOptions = {}): RecordingIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    env,
    stdin: Readable.from(stdin === undefined ? [] : [stdin]),
    cwd,
  };
}

/** Runs `cpbot ARGS` on a recording IO and gives the exit status and what it wrote, lines joined. */
export async function runCli(
  args: string[],
  options?: RecordingIOOptions,
): Promise<{ status: number; out: string; err: string }> {
  const io = recordingIO(options);
  const status = await main(args, io);
  return { status, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

/**
 * A CliIO over strings for commands that open the store: `input` is what a pipe would give the command, and
 * each call gets its own fresh database so tests never share state.
 */
export function fakeIO(input: string, env: Record<string, string | undefined> = {}) {
  const io = recordingIO({
    stdin: input,
    env: { DATABASE_URL: join(mkdtempSync(join(tmpdir(), "cpbot-cli-")), "cpbot.db"), USER: "tester", ...env },
  });
  return { io, stdout: () => io.stdout.join("\n"), stderr: () => io.stderr.join("\n") };
}
