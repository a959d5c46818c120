import type { LintProblem } from "./lint-playbooks.ts";
import type { Playbook, Step } from "./playbook-schema.ts";

/** A step with where it sits in the file, so problems can name its path. */
interface PlacedStep {
  path: string;
  step: Step;
}

/** Every step of a playbook in reading order: troubleshooting, solution, then each branch. */
export function placedSteps(playbook: Playbook): PlacedStep[] {
  return [
    ...playbook.troubleshooting.map((step, i) => ({ path: `troubleshooting[${i}]`, step })),
    ...playbook.solution.map((step, i) => ({ path: `solution[${i}]`, step })),
    ...playbook.branches.flatMap((b, i) => b.steps.map((step, j) => ({ path: `branches[${i}].steps[${j}]`, step }))),
  ];
}

// The schema rejects blank strings; a step of only markup ("**", "-", "…") is just as empty to the reader.
const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);

/** The checks inside one playbook that the schema cannot express: references, uniqueness, emptiness. */
export function lintPlaybook(file: string, playbook: Playbook): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (path: string, message: string, fix: string) => problems.push({ file, path, message, fix });
  const steps = placedSteps(playbook);
  const branchIds = new Map<string, number>();
  playbook.branches.forEach((b, i) => {
    if (branchIds.has(b.id)) {
      add(`branches[${i}].id`, `branch id "${b.id}" is used twice`, "give each branch its own id");
    } else {
      branchIds.set(b.id, i);
    }
  });

  const stepIds = new Map<string, string>();
  const referenced = new Set<string>();
  for (const { path, step } of steps) {
    const first = stepIds.get(step.id);
    if (first) {
      add(
        `${path}.id`,
        `step id "${step.id}" is already used at ${first}`,
        "step ids must be unique across troubleshooting, solution and branches; rename one",
      );
    } else {
      stepIds.set(step.id, path);
    }

    if (!hasWords(step.text)) {
      add(`${path}.text`, "the step has no words to show", "write the instruction, or remove the step");
    }
    for (const list of ["substeps", "notes", "warnings"] as const) {
      const items = step[list];
      if (items?.length === 0) add(`${path}.${list}`, `${list} is an empty list`, `add items or remove ${list}`);
      items?.forEach((item, k) => {
        if (!hasWords(item)) add(`${path}.${list}[${k}]`, `this ${list} entry has no words`, "write it or remove it");
      });
    }
    if (step.wait && step.wait.minMinutes > step.wait.maxMinutes) {
      add(`${path}.wait`, "minMinutes is greater than maxMinutes", "swap them so the wait reads min-max minutes");
    }
    // The walkthrough returns from a branch to the main steps, so a choice inside a branch has nowhere to
    // return to; keep every choice on a main (troubleshooting or solution) step.
    if (step.choice && path.startsWith("branches[")) {
      add(
        `${path}.choice`,
        "a choice inside a branch is not supported: after a branch the walkthrough resumes the main steps",
        "move the choice to a troubleshooting or solution step, with one option per combined case",
      );
    }
    step.choice?.options.forEach((option, k) => {
      referenced.add(option.branch);
      if (!branchIds.has(option.branch)) {
        const known = [...branchIds.keys()];
        add(
          `${path}.choice.options[${k}].branch`,
          `branch "${option.branch}" does not exist in this playbook`,
          known.length
            ? `use one of the branch ids (${known.join(", ")}) or add a branch with id "${option.branch}"`
            : `add a branches: entry with id "${option.branch}"`,
        );
      }
    });
  }

  playbook.branches.forEach((b, i) => {
    if (!referenced.has(b.id)) {
      add(
        `branches[${i}]`,
        `branch "${b.id}" is not reached by any choice, so nobody can ever see it`,
        `add a choice option with branch: ${b.id} to the step it follows, or remove the branch`,
      );
    }
  });

  playbook.reference.forEach((table, i) => {
    table.rows.forEach((row, r) => {
      if (row.length !== table.columns.length) {
        add(
          `reference[${i}].rows[${r}]`,
          `the row has ${row.length} cells but the table has ${table.columns.length} columns`,
          "give every row one cell per column (use an empty string for a blank cell)",
        );
      }
    });
  });

  const evidenceIds = new Set<string>();
  playbook.escalation.evidence.forEach((e, i) => {
    if (evidenceIds.has(e.id)) add(`escalation.evidence[${i}].id`, `evidence id "${e.id}" is used twice`, "rename one");
    evidenceIds.add(e.id);
  });
  return problems;
}
