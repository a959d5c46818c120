import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { CliCommand, CliIO } from "./command.ts";

const commandsDir = fileURLToPath(new URL("./commands/", import.meta.url));

/** Every file in commands/ exports `command`; discovering them keeps this file free of a shared list. */
export async function loadCommands(): Promise<CliCommand[]> {
  // .ts when run through tsx, .js in the compiled dist/ (never the .d.ts declarations).
  const files = (await readdir(commandsDir)).filter((f) => /(?<!\.d)\.(ts|js)$/.test(f)).sort();
  const commands: CliCommand[] = [];
  for (const file of files) {
    const mod = (await import(new URL(`./commands/${file}`, import.meta.url).href)) as { command?: CliCommand };
    if (mod.command) commands.push(mod.command);
  }
  return commands.sort((a, b) => a.name.localeCompare(b.name));
}

function helpText(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "cpbot: ChargePoint support playbooks for Slack, Teams and the terminal (no LLM).",
    "",
    "Usage: cpbot <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `cpbot <command> --help` for a command's options.",
  ].join("\n");
}

export function defaultIO(): CliIO {
  return {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    stdin: process.stdin,
    cwd: process.cwd(),
  };
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`cpbot: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}.`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // One place turns an unexpected failure into a message; a stack trace only on request.
    io.err(`cpbot ${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (io.env.CPBOT_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
