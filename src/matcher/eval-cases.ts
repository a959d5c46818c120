import { z } from "zod";

/** One line of an eval file: the message and the playbook(s) that are a right answer, or null for none. */
export interface EvalCase {
  line: number;
  text: string;
  expect: string[] | null;
}

export interface EvalFileProblem {
  line: number;
  message: string;
}

const LineSchema = z.strictObject({
  text: z.string(),
  expect: z.union([z.string().min(1), z.array(z.string().min(1)).min(1), z.null()]),
});

/**
 * Parses a JSON Lines eval file. Every malformed line and every unknown playbook id is reported with its
 * line number, so a broken file is fixed in one pass; blank lines are allowed.
 */
export function parseEvalCases(
  content: string,
  knownPlaybooks: readonly string[],
): { cases: EvalCase[]; problems: EvalFileProblem[] } {
  const known = new Set(knownPlaybooks);
  const cases: EvalCase[] = [];
  const problems: EvalFileProblem[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    const parsed = LineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `"${issue.path.join(".")}": ` : "";
      problems.push({
        line,
        message: `expected {"text": "...", "expect": "<id>" | ["<id>", ...] | null}; ${where}${issue?.message ?? "invalid"}`,
      });
      return;
    }
    const { text, expect } = parsed.data;
    const ids = expect === null ? null : Array.isArray(expect) ? expect : [expect];
    const unknown = (ids ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      problems.push({ line, message: `unknown playbook id ${unknown.map((u) => `"${u}"`).join(", ")}` });
      return;
    }
    cases.push({ line, text, expect: ids });
  });
  return { cases, problems };
}
