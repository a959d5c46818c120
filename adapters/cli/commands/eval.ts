import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseEvalCases } from "../../../src/matcher/eval-cases.ts";
import { confidentLevel, type EvalReport, runEval } from "../../../src/matcher/run-eval.ts";
import type { CliCommand, CliIO } from "../command.ts";
import { loadMatcher } from "../load-matcher.ts";
import { parseCommandArgs } from "../parse-command-args.ts";

const usage = `Usage: cpbot eval FILE [--json] [--playbooks DIR]

Measures the matcher on a JSON Lines file, one {"text": "...", "expect": "<id>" | ["<id>", ...] | null}
per line: a list means any of those playbooks is right; null means out of scope (abstaining is right).
Prints top-1 and top-3 accuracy over in-scope lines, out-of-scope precision and recall, recall per
playbook, a reliability table (accuracy per confidence band, and the share of lines answered with a
wrong playbook as a sure match at 80%+) and every miss. Exits 2 if a line is malformed or names an unknown playbook.

Options:
  --json            print {"n", "top1", "top3", "oosPrecision", "oosRecall", "perPlaybook", "misses",
                    "reliability", "confidentWrong", "confidentWrongCount"}
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  -h, --help        show this help

Example: cpbot eval test/eval/queries.jsonl`;

export const command: CliCommand = {
  name: "eval",
  summary: "Measure the matcher on a JSON Lines file of messages and expected playbooks",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "eval", usage },
      { json: { type: "boolean" }, playbooks: { type: "string" } },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const [file] = positionals;
    if (!file || positionals.length > 1) {
      io.err(`cpbot eval: give exactly one eval file.\n\n${usage}`);
      return 2;
    }
    let content: string;
    try {
      content = await readFile(path.resolve(io.cwd, file), "utf8");
    } catch (error) {
      io.err(`cpbot eval: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const loaded = loadMatcher(io, "eval", values.playbooks);
    if (!loaded) return 1;
    const { cases, problems } = parseEvalCases(content, loaded.matcher.playbooks);
    if (problems.length > 0) {
      io.err(`cpbot eval: ${file} has ${problems.length} problem(s):`);
      for (const p of problems) io.err(`  line ${p.line}: ${p.message}`);
      if (problems.some((p) => p.message.startsWith("unknown playbook"))) {
        io.err(`  known playbooks: ${loaded.matcher.playbooks.join(", ")}`);
      }
      return 2;
    }
    const report = runEval(loaded.matcher, cases);
    io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function formatReport(r: EvalReport): string {
  const lines = [
    `Lines: ${r.n}`,
    `Top-1 accuracy (in scope): ${pct(r.top1)}`,
    `Top-3 accuracy (in scope): ${pct(r.top3)}`,
    `Out-of-scope precision: ${pct(r.oosPrecision)}`,
    `Out-of-scope recall: ${pct(r.oosRecall)}`,
    `Confident wrong (a wrong playbook as a match at ${pct(confidentLevel)}+): ${pct(r.confidentWrong)} (${r.confidentWrongCount} of ${r.n} lines)`,
    "",
    "Reliability (lines answered with a playbook, by confidence):",
    "  confidence   answered  right  accuracy",
    ...r.reliability.map(
      (b) =>
        `  ${`${pct(b.from)}-${b.to >= 1 ? "100%" : pct(b.to)}`.padEnd(12)} ${String(b.answered).padStart(8)}  ${String(b.right).padStart(5)}  ${b.answered === 0 ? "     -" : pct(b.accuracy).padStart(8)}`,
    ),
    "",
    "Recall per playbook:",
    ...Object.entries(r.perPlaybook).map(
      ([id, { n, recall }]) => `  ${id.padEnd(22)} ${pct(recall).padStart(6)}  (${n})`,
    ),
    "",
    `Misses (${r.misses.length}):`,
    ...r.misses.map((m) => {
      const expected = m.expect === null ? "out of scope" : m.expect.join(" | ");
      const got = m.predicted === null ? `abstained (${m.kind})` : `${m.predicted} (${m.kind})`;
      const alts = m.alternatives.length > 0 ? ` alt: ${m.alternatives.join(", ")}` : "";
      return `  line ${m.line}: expected ${expected}, got ${got} ${pct(m.confidence)}${alts}: ${JSON.stringify(m.text)}`;
    }),
  ];
  return lines.join("\n");
}
