import { defaultPolicy } from "../../../src/matcher/decide-match.ts";
import type { MatchResult } from "../../../src/matcher/match-result.ts";
import type { Playbook } from "../../../src/playbooks/playbook-schema.ts";
import type { CliCommand, CliIO } from "../command.ts";
import { loadMatcher } from "../load-matcher.ts";
import { parseCommandArgs } from "../parse-command-args.ts";

const usage = `Usage: cpbot match TEXT [--json] [--playbooks DIR]

Shows which playbook a message is about, how sure the matcher is, the close alternatives and why.
Fault codes in any form (303-RSC, 303rsc, "error 307", "code 18") go straight to their playbook.

Options:
  --json            print {"playbook", "confidence", "alternatives", "explanation"} (plus "kind")
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  -h, --help        show this help

Example: cpbot match "relay stuck clsoed on port 2"`;

export const command: CliCommand = {
  name: "match",
  summary: "Show which playbook a message matches, with confidence, alternatives and why",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "match", usage },
      { json: { type: "boolean" }, playbooks: { type: "string" } },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (positionals.length === 0) {
      io.err(`cpbot match: give the message to match.\n\n${usage}`);
      return 2;
    }
    const loaded = loadMatcher(io, "match", values.playbooks);
    if (!loaded) return 1;
    const result = loaded.matcher.match(positionals.join(" "));
    if (values.json) {
      const { kind, playbook, confidence, alternatives, explanation, unknownCode, knownCodes } = result;
      io.out(
        JSON.stringify({ playbook, confidence, alternatives, explanation, kind, unknownCode, knownCodes }, null, 2),
      );
    } else {
      io.out(formatMatch(result, new Map(loaded.playbooks.map((p) => [p.id, p]))));
    }
    return 0;
  },
};

const percent = (n: number) => `${Math.round(n * 100)}%`;

/** The human-readable answer: what, how sure, what else, and why. */
export function formatMatch(result: MatchResult, byId: ReadonlyMap<string, Playbook>): string {
  const name = (id: string) => `${id} (${byId.get(id)?.title ?? id})`;
  const lines: string[] = [];
  switch (result.kind) {
    case "fault-code":
    case "match":
      lines.push(`Playbook: ${name(result.playbook!)}`, `Confidence: ${percent(result.confidence)}`);
      break;
    case "ambiguous":
      lines.push(
        `Ambiguous: did you mean ${[result.playbook!, ...result.alternatives.map((a) => a.playbook)].map(name).join(" or ")}?`,
      );
      lines.push(`Confidence: ${percent(result.confidence)}`);
      break;
    case "unknown-fault-code":
      lines.push(`Unknown fault code "${result.unknownCode}".`);
      lines.push(`Known codes: ${(result.knownCodes ?? []).map((k) => `${k.code} → ${k.playbook}`).join(", ")}`);
      break;
    case "no-match":
      // A question the guide does not cover can be about an article's subject ("release notes for firmware
      // 4.6.0.79"): then the closest playbook may score high, and it is not a threshold that ruled it out.
      lines.push(
        result.confidence >= defaultPolicy.threshold && result.outOfScopeKind
          ? `No playbook matches (out of scope; the closest playbook scored ${percent(result.confidence)}).`
          : `No playbook matches (best guess ${percent(result.confidence)}, below the threshold).`,
      );
      break;
  }
  if (result.kind === "match" && result.alternatives.length > 0) {
    lines.push(`Alternatives: ${result.alternatives.map((a) => `${a.playbook} ${percent(a.confidence)}`).join(", ")}`);
  }
  const { rule, terms, corrections, synonyms, note } = result.explanation;
  const why = [
    rule ? `rule: ${rule}` : undefined,
    terms.length > 0 ? `terms: ${terms.join(", ")}` : undefined,
    corrections?.length ? `spelling: ${corrections.map((c) => `${c.from} → ${c.to}`).join(", ")}` : undefined,
    synonyms?.length ? `read as: ${synonyms.map((c) => `${c.from} → ${c.to}`).join(", ")}` : undefined,
    note,
  ].filter((w) => w !== undefined);
  lines.push(`Why: ${why.join("; ")}`);
  return lines.join("\n");
}
