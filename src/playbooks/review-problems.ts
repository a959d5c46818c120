import type { LintProblem, LoadedPlaybook } from "./lint-playbooks.ts";

/** What `cpbot lint` says about review dates: warnings never fail a run; errors do (`--strict`). */
export interface ReviewFindings {
  warnings: LintProblem[];
  errors: LintProblem[];
}

/**
 * Playbooks go stale when the guide or the product changes. Every playbook names an owner and a
 * `review_by` date; one whose date has come is a warning, and with `strict` (for CI of a playbook
 * repository) one whose date has passed is an error. `today` is YYYY-MM-DD, from the caller's clock.
 */
export function reviewProblems(loaded: readonly LoadedPlaybook[], today: string, strict: boolean): ReviewFindings {
  const warnings: LintProblem[] = [];
  const errors: LintProblem[] = [];
  for (const { file, playbook } of loaded) {
    if (!playbook.owner) {
      warnings.push({
        file,
        path: "owner",
        message: "the playbook names no owner",
        fix: "add `owner: <person or team>` so a due review has someone to go to",
      });
    }
    const due = playbook.review_by;
    if (!due) {
      warnings.push({
        file,
        path: "review_by",
        message: "the playbook has no review date",
        fix: "add `review_by: YYYY-MM-DD`, the date by which its owner re-reads it against the guide",
      });
      continue;
    }
    if (due > today) continue;
    const problem = {
      file,
      path: "review_by",
      message: `review ${due === today ? "is due today" : `was due on ${due}`}${playbook.owner ? ` (owner: ${playbook.owner})` : ""}`,
      fix: "re-read the playbook against the guide, then move review_by to the next review date",
    };
    if (strict && due < today) errors.push(problem);
    else warnings.push(problem);
  }
  return { warnings, errors };
}
