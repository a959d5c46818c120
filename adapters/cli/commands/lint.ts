import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultPlaybooksDir, defaultTemplatesDir } from "../../../src/core/paths.ts";
import { defaultGuideFile, readGuide } from "../../../src/playbooks/guide-lines.ts";
import { formatLintReport } from "../../../src/playbooks/lint-playbooks.ts";
import { lintProvenance } from "../../../src/playbooks/lint-provenance.ts";
import { lintTemplates } from "../../../src/playbooks/lint-templates.ts";
import { displayPath, loadPlaybooks } from "../../../src/playbooks/load-playbooks.ts";
import { reviewProblems } from "../../../src/playbooks/review-problems.ts";
import type { CliCommand, CliIO } from "../command.ts";
import { parseDay } from "./report.ts";

const usage = `Usage: cpbot lint [--playbooks DIR] [--templates DIR] [--guide FILE] [--strict] [--today DATE] [--json]

Checks every playbook against the schema and across playbooks (unique ids, file name = id, one playbook
per fault code, branches that resolve, no empty step, no trigger claimed twice), and compiles every
Handlebars template. Lists all problems with file and path; exits 1 if there are any. Warns about
playbooks with no owner or review date, and those whose review_by date has come (warnings do not fail).
Provenance: with the package's playbooks (or --guide), every step, escalation rule, background block,
reference table and error log must cite guide lines (source:) or be marked as the team's addition; its
numbers, fault codes, quoted strings and bold UI names must appear in those lines; every example input
must pass its step's tool.

Options:
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  --templates DIR   Handlebars templates folder (default: the package's templates/)
  --guide FILE      the guide text source: line numbers refer to (default: the package's guide/)
  --strict          a review_by date in the past is a problem, not a warning (for CI)
  --today DATE      judge review dates as of DATE (YYYY-MM-DD; default: today, UTC)
  --json            print { playbooks, templates, problems, warnings } as JSON
  -h, --help        show this help`;

export const command: CliCommand = {
  name: "lint",
  summary: "Check every playbook and template; list each problem with file, path and fix",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values: {
      playbooks?: string;
      templates?: string;
      guide?: string;
      json?: boolean;
      strict?: boolean;
      today?: string;
    };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          playbooks: { type: "string" },
          templates: { type: "string" },
          guide: { type: "string" },
          json: { type: "boolean" },
          strict: { type: "boolean" },
          today: { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      io.err(`cpbot lint: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return 2;
    }
    const playbooksDir = values.playbooks ? path.resolve(io.cwd, values.playbooks) : defaultPlaybooksDir;
    const templatesDir = values.templates ? path.resolve(io.cwd, values.templates) : defaultTemplatesDir;
    // A mistyped folder is a usage error, not a lint finding: say so plainly instead of a one-line report.
    for (const [option, dir] of [
      ["--playbooks", playbooksDir],
      ["--templates", templatesDir],
    ] as const) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        io.err(`cpbot lint: ${option} ${dir} is not a directory. Pass the folder that holds the files.`);
        return 2;
      }
    }

    const today = values.today ?? new Date().toISOString().slice(0, 10);
    if (parseDay(today) === null) {
      io.err(`cpbot lint: --today "${today}" is not a date; expected YYYY-MM-DD.\n\n${usage}`);
      return 2;
    }

    const playbooks = loadPlaybooks(playbooksDir);
    const templates = lintTemplates(templatesDir);
    const loaded = playbooks.playbooks.map((playbook) => ({
      file: displayPath(path.join(playbooksDir, `${playbook.id}.yaml`)),
      playbook,
    }));
    const review = reviewProblems(loaded, today, values.strict === true);
    // Fixture folders have no guide to cite; the package's playbooks (or an explicit --guide) always do.
    const guideFile = values.guide ? path.resolve(io.cwd, values.guide) : defaultGuideFile;
    if (values.guide && !existsSync(guideFile)) {
      io.err(`cpbot lint: --guide ${guideFile} does not exist. Pass the guide text file.`);
      return 2;
    }
    const checkProvenance = values.guide !== undefined || values.playbooks === undefined;
    const guide = checkProvenance ? readGuide(guideFile) : undefined;
    const provenance = guide ? loaded.flatMap((l) => lintProvenance(l.file, l.playbook, guide)) : [];
    const problems = [...playbooks.problems, ...templates.problems, ...review.errors, ...provenance];
    const warnings = review.warnings;
    if (values.json) {
      const report = {
        playbooks: playbooks.playbooks.length,
        templates: templates.templates.length,
        problems,
        warnings,
      };
      io.out(JSON.stringify(report, null, 2));
      return problems.length > 0 ? 1 : 0;
    }
    if (warnings.length > 0) io.out(`Warnings (these do not fail the run):\n${formatLintReport(warnings)}\n`);
    if (problems.length > 0) {
      io.out(formatLintReport(problems));
    } else {
      io.out(
        `${count(playbooks.playbooks.length, "playbook")}, ${count(templates.templates.length, "template")}: no problems.`,
      );
    }
    return problems.length > 0 ? 1 : 0;
  },
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
