import type { z } from "zod";
import type { LintProblem } from "./lint-playbooks.ts";

/** `["solution", 3, "choice"]` → `solution[3].choice`: the form authors see in the report. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** The inverse of formatPath, so a reported path can be located in the YAML document. */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] ?? "")));
}

/**
 * Turns zod's issues into problems an author can act on. zod's own messages are terse ("expected string,
 * received undefined"); a missing field or a misspelt key is far more common in hand-written YAML, so those
 * get their own wording.
 */
export function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[]): LintProblem[] {
  return issues.flatMap((issue): LintProblem[] => {
    const path = formatPath(issue.path);
    const field = String(issue.path.at(-1) ?? "the file");
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => ({
          file,
          path: formatPath([...issue.path, key]),
          message: `"${key}" is not a field here`,
          fix: "check its spelling and indentation against the playbook format, or remove it",
        }));
      case "invalid_type":
        if (issue.input === undefined || issue.input === null) {
          if (issue.path.length === 0) {
            return [{ file, path, message: "the file is empty", fix: "write the playbook, or delete the file" }];
          }
          return [{ file, path, message: `${field} is required`, fix: `add ${field}: (a ${issue.expected})` }];
        }
        return [{ file, path, message: issue.message, fix: `write ${field} as a ${issue.expected}` }];
      case "too_small":
        return [
          {
            file,
            path,
            message: issue.origin === "string" ? `${field} is empty` : issue.message,
            fix:
              issue.origin === "string"
                ? "write the text, or remove the entry"
                : `add at least ${String(issue.minimum)} ${issue.origin === "array" ? "item(s)" : ""}`.trim(),
          },
        ];
      case "invalid_value":
        return [{ file, path, message: issue.message, fix: `use one of: ${issue.values.map(String).join(", ")}` }];
      case "invalid_format":
        return [{ file, path, message: `"${String(issue.input)}" is not valid: ${issue.message}`, fix: issue.message }];
      default:
        return [{ file, path, message: issue.message, fix: "correct the value to match the playbook format" }];
    }
  });
}
