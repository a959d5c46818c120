import { parseArgs } from "node:util";
import { formatToolResult } from "../../../src/tools/format-tool-result.ts";
import { checkStationMessage } from "../../../src/tools/station-message.ts";
import { toolRegistry } from "../../../src/tools/tool-registry.ts";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot validate station-message --name NAME --line1 TEXT --line2 TEXT [--description TEXT] [--json]

Checks a station message the way the dashboard's New Station Message form needs it (guide: Station
Messages): a name; line 1 at most 15 characters, line 2 at most 64, neither containing / ~ " < > |, no
line breaks, tabs or other control characters. Characters are counted as Unicode code points, after
removing spaces at the start and end of each line.

Options:
  --name TEXT         Station Message Name (required)
  --line1 TEXT        Station Message Text Line 1
  --line2 TEXT        Station Message Text Line 2
  --description TEXT  Description (optional)
  --json              print {"valid": true|false, "errors": [{"field", "code", "message"}]}
  -h, --help          show this help

Exits 0 when the message is valid, 1 when it is not, 2 for a usage error.`;

const targets = ["station-message"];

export const command: CliCommand = {
  name: "validate",
  summary: "Validate a station message (line limits, forbidden characters); exit 0 valid, 1 invalid",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (error) {
      io.err(`cpbot validate: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return 2;
    }
    const { values, positionals } = parsed;
    const [target, ...extra] = positionals;
    if (!target || !targets.includes(target) || extra.length > 0) {
      const what = !target
        ? "nothing to validate"
        : extra.length > 0
          ? `unexpected argument "${extra[0]}"`
          : `unknown target "${target}"`;
      io.err(`cpbot validate: ${what}: expected ${targets.join(" or ")} followed by options.\n\n${usage}`);
      return 2;
    }
    // Absent flags are empty fields, so a missing --line2 is reported like an empty line 2: per field.
    const result = checkStationMessage({
      name: values.name ?? "",
      line1: values.line1 ?? "",
      line2: values.line2 ?? "",
      ...(values.description !== undefined ? { description: values.description } : {}),
    });
    const valid = result.errors.length === 0;
    if (values.json) {
      const errors = result.errors.map(({ field, code, message }) => ({ field, code, message }));
      io.out(JSON.stringify({ valid, errors }, null, 2));
    } else {
      io.out(formatToolResult(result, toolRegistry["station-message"].title));
    }
    return valid ? 0 : 1;
  },
};

const textOptions = ["--name", "--line1", "--line2", "--description"];

function parse(args: string[]) {
  // "--line1 -5 degrees" is a value, not an option: join each text option to its value before parsing.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (textOptions.includes(arg) && value !== undefined) {
      joined.push(`${arg}=${value}`);
      i++;
    } else joined.push(arg);
  }
  return parseArgs({
    args: joined,
    options: {
      name: { type: "string" },
      line1: { type: "string" },
      line2: { type: "string" },
      description: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
}
