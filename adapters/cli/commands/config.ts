import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot config check

Reads every setting from the environment (and ./.env) the way \`cpbot serve\` would and prints its
effective value (secrets only as "set, hidden"; an empty value counts as unset), whether Slack and Teams
are on, off or partly configured, and every problem with how to fix it. Exits 1 on a problem, so a
deployment can run it before starting the bot.`;

export const command: CliCommand = {
  name: "config",
  summary: "config check: show the effective settings (secrets hidden) and every problem; exit 1 on one",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    if (args.length !== 1 || args[0] !== "check") {
      io.err(`cpbot config: expected "check"${args.length ? `, got "${args.join(" ")}"` : ""}.\n\n${usage}`);
      return 2;
    }
    const { configReport } = await import("../config-report.ts");
    const report = configReport(io.env);
    for (const line of report.lines) io.out(line);
    if (report.problems.length === 0) {
      io.out("No problems.");
      return 0;
    }
    io.out(`${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}:`);
    for (const problem of report.problems) io.out(`  - ${problem}`);
    return 1;
  },
};
