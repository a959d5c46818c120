import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultPlaybooksDir, defaultTemplatesDir } from "../../../src/core/paths.ts";
import { formatLintReport } from "../../../src/playbooks/lint-playbooks.ts";
import { lintTemplates } from "../../../src/playbooks/lint-templates.ts";
import { loadPlaybooks } from "../../../src/playbooks/load-playbooks.ts";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot lint [--playbooks DIR] [--templates DIR] [--json]

Checks every playbook against the schema and across playbooks (unique ids, file name = id, one playbook
per fault code, branches that resolve, no empty step, no trigger claimed twice), and compiles every
Handlebars template. Lists all problems with file and path; exits 1 if there are any.

Options:
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  --templates DIR   Handlebars templates folder (default: the package's templates/)
  --json            print { playbooks, templates, problems } as JSON
  -h, --help        show this help`;

export const command: CliCommand = {
  name: "lint",
  summary: "Check every playbook and template; list each problem with file, path and fix",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values: { playbooks?: string; templates?: string; json?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: { playbooks: { type: "string" }, templates: { type: "string" }, json: { type: "boolean" } },
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

    const playbooks = loadPlaybooks(playbooksDir);
    const templates = lintTemplates(templatesDir);
    const problems = [...playbooks.problems, ...templates.problems];
    if (values.json) {
      const report = { playbooks: playbooks.playbooks.length, templates: templates.templates.length, problems };
      io.out(JSON.stringify(report, null, 2));
    } else if (problems.length > 0) {
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
