import { text as readStream } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { formatToolResult } from "../../../src/tools/format-tool-result.ts";
import { cpSubcommands, findTool, subcommandFor, toolRegistry } from "../../../src/tools/tool-registry.ts";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot tool <tool-id|subcommand> <text…> [--playbook ID] [--json]
       cpbot tool --list

Runs one domain tool on TEXT exactly as "/cp <subcommand> TEXT" or a walkthrough step would, and prints
the verdict, figures, notes, next steps and any errors. Use "-" as TEXT to read it from standard input
(for multi-line pastes such as Get Latest Status or Historical Sessions rows).

Options:
  --playbook ID  the playbook the tool is used in (e.g. pilot-unreachable for "status")
  --json         print the full result as JSON
  --list         list the tools with their subcommand, playbook and usage
  -h, --help     show this help

Examples:
  cpbot tool msg "Closed today | Back at 8am"
  cpbot tool rsrp -95 dBm lte
  cpbot tool rate ct4020 40 one breaker circuit sharing 2 cars
  pbpaste | cpbot tool sessions -

Exits 0 when the verdict is ok or warning, 1 for a problem or invalid input, 2 for a usage error.`;

const shield = "\u0000";

function listTools(): string {
  const rows = Object.values(toolRegistry).map((t) => [
    subcommandFor(t.id),
    t.id,
    t.playbooks.join(", "),
    `/cp ${t.usage}`,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ")).join("\n");
}

export const command: CliCommand = {
  name: "tool",
  summary: "Run a domain tool (msg, status, sessions, rate, rsrp, …) on text, as /cp would",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values: { playbook?: string; json?: boolean; list?: boolean };
    let positionals: string[];
    try {
      // Negative numbers are tool input ("rsrp -95"), not options: hide them from parseArgs.
      const shielded = args.map((a) => (/^[-\u2212]\d/.test(a) ? `${shield}${a}` : a));
      ({ values, positionals } = parseArgs({
        args: shielded,
        options: { playbook: { type: "string" }, json: { type: "boolean" }, list: { type: "boolean" } },
        strict: true,
        allowPositionals: true,
      }));
      positionals = positionals.map((p) => (p.startsWith(shield) ? p.slice(shield.length) : p));
    } catch (error) {
      io.err(`cpbot tool: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return 2;
    }
    if (values.list) {
      io.out(listTools());
      return 0;
    }
    const [name, ...words] = positionals;
    const tool = name ? findTool(name) : undefined;
    if (!tool) {
      const known = Object.keys(cpSubcommands).join(", ");
      io.err(
        `cpbot tool: ${name ? `unknown tool "${name}"` : "no tool given"}: expected a tool id or one of ${known} (see cpbot tool --list).`,
      );
      return 2;
    }
    const text = words.length === 1 && words[0] === "-" ? await readStream(io.stdin) : words.join(" ");
    const result = tool.fromText(text, values.playbook ? { playbook: values.playbook } : undefined);
    io.out(values.json ? JSON.stringify(result, null, 2) : formatToolResult(result, tool.title));
    return result.verdict === "ok" || result.verdict === "warning" ? 0 : 1;
  },
};
