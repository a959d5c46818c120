import { toolRegistry } from "../tools/tool-registry.ts";
import type { GuideLines } from "./guide-lines.ts";
import { placedSteps } from "./lint-playbook.ts";
import type { LintProblem } from "./lint-playbooks.ts";
import type { Playbook, Step } from "./playbook-schema.ts";
import { missingTokens, normaliseForSource } from "./source-tokens.ts";

/** An item the team wrote itself, said so on the card; exempt from the source check. */
export const teamNotePrefix = /^Team (note|practice|rule)\b/i;
const saysGuideSays = /\bthe guide says\b/i;

/** The sample answer a step offers: `input.example`, or the text after "e.g." in its hint. */
export function stepExample(step: Step): string | undefined {
  if (step.input?.example) return step.input.example;
  const hint = step.input?.hint;
  return hint && /^e\.g\.\s/i.test(hint) ? hint.replace(/^e\.g\.\s+/i, "") : undefined;
}

/**
 * Provenance: every step, escalation rule, background block, reference table and error log names the guide
 * lines it comes from, or says it is the team's own addition and why. Numbers, fault codes, quoted
 * strings and bold UI names must appear in those lines; Support only where the lines say Support; every
 * step's example input passes its tool.
 */
export function lintProvenance(file: string, playbook: Playbook, guide: GuideLines): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (path: string, message: string, fix: string) => problems.push({ file, path, message, fix });
  const sourced = (path: string, item: { source?: string | undefined; addition?: string | undefined }) => {
    if (!item.source && !item.addition) {
      add(path, "has no source", 'add source: "<guide lines>" (e.g. "775-782"), or addition: <why the team added it>');
      return undefined;
    }
    if (!item.source) return undefined;
    const { text, missing } = guide.resolve(item.source);
    if (missing.length > 0)
      add(`${path}.source`, `line ${missing[0]} is not in the guide (${guide.count} lines)`, "fix the line numbers");
    return text;
  };

  if (!playbook.source)
    add("source", "the playbook has no article source", 'add source: "<first>-<last>" for the article\'s lines');

  for (const { path, step } of placedSteps(playbook)) {
    const text = sourced(path, step);
    const parts = [step.text, ...(step.substeps ?? []), ...(step.warnings ?? []), ...(step.notes ?? [])];
    if (text !== undefined) {
      const own = parts.filter((p) => !teamNotePrefix.test(p));
      const missing = [...new Set(own.flatMap((p) => missingTokens(p, text)))];
      if (missing.length > 0) {
        add(
          path,
          `not in its source lines ${step.source}: ${missing.map((m) => JSON.stringify(m)).join(", ")}`,
          "quote the guide exactly, widen the source, or mark the sentence as a Team note",
        );
      }
      if (step.escalate && !/\bsupport\b/i.test(text)) {
        add(
          `${path}.escalate`,
          "escalate: true but the source lines do not say Support",
          "use replacement: or remove escalate",
        );
      }
    } else if (step.escalate) {
      add(
        `${path}.escalate`,
        "escalate: true needs a source that says Support",
        "add the guide lines, or remove escalate",
      );
    }
    if (parts.some((p) => saysGuideSays.test(p)) && text === undefined) {
      add(path, 'says "the guide says" without a source line', "add the guide lines that say it, or reword");
    }
    const example = stepExample(step);
    const tool = step.input?.tool;
    if (example && tool) {
      const result = toolRegistry[tool].fromText(example, { playbook: playbook.id });
      if (result.verdict === "invalid") {
        add(
          `${path}.input`,
          `the example "${example}" is rejected by ${tool}: ${result.summary}`,
          "fix the example or the tool",
        );
      }
    }
  }

  playbook.escalation.when.forEach((rule, i) => {
    const text = sourced(`escalation.when[${i}]`, rule);
    if (text !== undefined && !normaliseForSource(text).includes("support")) {
      add(
        `escalation.when[${i}]`,
        "a Support condition whose source lines do not say Support",
        "point at the guide's contact Support line, or mark it as an addition",
      );
    }
  });
  playbook.background.forEach((b, i) => {
    sourced(`background[${i}]`, b);
  });
  playbook.reference.forEach((r, i) => {
    sourced(`reference[${i}]`, r);
  });
  if (playbook.errorLogs) sourced("errorLogs", playbook.errorLogs);
  return problems;
}
