import { existsSync, realpathSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CliCommand, CliIO } from "./command.ts";

const commandsDir = fileURLToPath(new URL("./commands/", import.meta.url));
/** Written by `npm run build` beside the compiled main.js: each command's name, summary, usage and file. */
const manifestFile = fileURLToPath(new URL("./commands.json", import.meta.url));

/** Loads a command module by its file name in commands/ (the bundle passes one with a static import per file). */
export type ImportCommand = (file: string) => Promise<{ command: CliCommand }>;

const importCommandFile: ImportCommand = async (file) =>
  (await import(new URL(`./commands/${file}`, import.meta.url).href)) as { command: CliCommand };

interface ManifestEntry {
  name: string;
  summary: string;
  usage: string;
  file: string;
}

/**
 * Every file in commands/ exports `command`; discovering them keeps this file free of a shared list. The
 * compiled build reads the manifest instead and imports only the command that runs, so `cpbot --help`
 * does not load the matcher, the playbooks and every tool.
 */
export async function loadCommands(importCommand: ImportCommand = importCommandFile): Promise<CliCommand[]> {
  if (existsSync(manifestFile)) {
    const entries = JSON.parse(await readFile(manifestFile, "utf8")) as ManifestEntry[];
    return entries.map((entry) => ({
      name: entry.name,
      summary: entry.summary,
      usage: entry.usage,
      async run(args, io) {
        return (await importCommand(entry.file)).command.run(args, io);
      },
    }));
  }
  return discoverCommands();
}

/** Imports every command module (.ts through tsx, .js in dist/; never the .d.ts declarations). */
export async function discoverCommands(): Promise<(CliCommand & { file: string })[]> {
  const files = (await readdir(commandsDir)).filter((f) => /(?<!\.d)\.(ts|js)$/.test(f)).sort();
  const commands: (CliCommand & { file: string })[] = [];
  for (const file of files) {
    const mod = (await import(new URL(`./commands/${file}`, import.meta.url).href)) as { command?: CliCommand };
    if (mod.command) commands.push({ ...mod.command, file });
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
    isTTY: process.stderr.isTTY,
  };
}

export async function main(
  argv: string[],
  io: CliIO = defaultIO(),
  importCommand: ImportCommand = importCommandFile,
): Promise<number> {
  const commands = await loadCommands(importCommand);
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

/**
 * The command line: settings from ./.env (variables already in the environment win, because
 * process.loadEnvFile never overwrites one that is set), then the command. bin/cpbot.js calls this.
 */
export async function runCommandLine(argv: string[], importCommand?: ImportCommand): Promise<number> {
  if (existsSync(".env") && !process.env.CPBOT_NO_DOTENV) process.loadEnvFile(".env");
  return main(argv, defaultIO(), importCommand);
}

// `node dist/adapters/cli/main.js …` works like `cpbot …` (a container's CMD, a process manager).
const script = process.argv[1];
if (script && import.meta.url === pathToFileURL(realpathSync(script)).href) {
  process.exitCode = await runCommandLine(process.argv.slice(2));
}
