import { type ParseArgsConfig, parseArgs } from "node:util";
import type { CliIO } from "./command.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Strict option parsing with words allowed, as `cpbot ask`, `match` and `eval` take them. A bad option is
 * reported the same way by each: the parser's message and the command's usage on stderr, and `undefined`
 * so the command can exit 2.
 */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  io: CliIO,
  command: { name: string; usage: string },
  options: O,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    io.err(`cpbot ${command.name}: ${error instanceof Error ? error.message : String(error)}\n\n${command.usage}`);
    return undefined;
  }
}
