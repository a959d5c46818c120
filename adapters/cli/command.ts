/** What a `cpbot` sub-command gets to talk to the outside world; tests pass fakes. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Standard input, for commands that read a pipe (chat). */
  stdin: NodeJS.ReadableStream;
  cwd: string;
  /** stderr is a terminal (LOG_FORMAT=auto logs pretty lines there); unset: not a terminal. */
  isTTY?: boolean;
}

/**
 * One `cpbot` sub-command, in its own file under `adapters/cli/commands/`. Keep imports of heavy modules
 * (Bolt, botbuilder, SQLite) inside `run` as dynamic imports so `cpbot --help` stays fast.
 */
export interface CliCommand {
  name: string;
  /** One line for `cpbot --help`. */
  summary: string;
  /** Usage lines for `cpbot <name> --help`. */
  usage: string;
  /** Returns the process exit status. */
  run(args: string[], io: CliIO): Promise<number>;
}
