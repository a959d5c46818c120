import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../../../src/core/paths.ts";
import type { CliCommand, CliIO } from "../command.ts";
import { loadMatcher } from "../load-matcher.ts";
import { parseCommandArgs } from "../parse-command-args.ts";
import { readStoredEvents } from "../read-stored-events.ts";
import { parseDay } from "./report.ts";

const usage = `Usage: cpbot suggest [--since DATE] [--json] [--write-patch FILE] [--low-confidence N] [--database URL] [--playbooks DIR]

The unmatched inbox for playbook authors: groups the questions nothing matched, those outside the guide
and those matched with low confidence by the terms they share (no model; the same data always gives the
same groups), and proposes for each group either a trigger phrase for an existing playbook, with the
change it would make to the project's eval sets (test/eval/queries.jsonl and holdout.jsonl; a proposal
that would lower one is not made), or "a new topic". It never edits a playbook.

Options:
  --since DATE          only questions on or after DATE (YYYY-MM-DD, UTC)
  --json                print the groups and proposals as JSON
  --write-patch FILE    also write the proposed triggers as a unified diff (review it, then git apply FILE)
  --low-confidence N    matches below this confidence count as inbox questions (0..1, default 0.6)
  --database URL        the database to read (default: DATABASE_URL, else ./data/cpbot.db); never created
  --playbooks DIR       playbook YAML folder (default: the package's playbooks/)
  -h, --help            show this help

Example: cpbot suggest --since 2026-11-01 --write-patch triggers.patch`;

const evalSets = ["queries", "holdout"];

export const command: CliCommand = {
  name: "suggest",
  summary: "The unmatched inbox: group unanswered questions and propose triggers or new topics",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "suggest", usage },
      {
        since: { type: "string" },
        json: { type: "boolean" },
        "write-patch": { type: "string" },
        "low-confidence": { type: "string" },
        database: { type: "string" },
        playbooks: { type: "string" },
      },
    );
    if (!parsed) return 2;
    const { values } = parsed;
    const since = values.since === undefined ? undefined : parseDay(values.since);
    if (since === null) return usageError(io, `--since "${values.since}" is not a date; expected YYYY-MM-DD.`);
    const low = values["low-confidence"] === undefined ? undefined : Number(values["low-confidence"]);
    if (low !== undefined && !(low >= 0 && low <= 1)) {
      return usageError(io, `--low-confidence "${values["low-confidence"]}" must be a number from 0 to 1, e.g. 0.6.`);
    }
    const loaded = loadMatcher(io, "suggest", values.playbooks);
    if (!loaded) return 1;

    const { createMatcher } = await import("../../../src/matcher/create-matcher.ts");
    const { parseEvalCases } = await import("../../../src/matcher/eval-cases.ts");
    const { scoreSets } = await import("../../../src/authoring/propose-change.ts");
    const { suggest, defaultLowConfidence } = await import("../../../src/authoring/suggest.ts");
    const { openStore } = await import("../../../src/store/open-store.ts");

    const sets = [];
    for (const name of evalSets) {
      const file = path.join(projectRoot, "test", "eval", `${name}.jsonl`);
      if (!existsSync(file)) continue;
      const { cases } = parseEvalCases(await readFile(file, "utf8"), loaded.matcher.playbooks);
      sets.push({ name, cases });
    }
    if (sets.length === 0)
      io.err("cpbot suggest: no eval sets found in test/eval/; proposals are not measured against them.");

    const store = await openStore(values.database ?? io.env.DATABASE_URL, { mustExist: true, cwd: io.cwd });
    const events = await readStoredEvents(store, since !== undefined ? { since } : {});
    const ctx = {
      playbooks: loaded.playbooks,
      matcher: loaded.matcher,
      build: createMatcher,
      sets,
      baseline: scoreSets(loaded.matcher, sets),
    };
    const suggestions = suggest(events, ctx, low ?? defaultLowConfidence);

    if (values["write-patch"]) {
      const { triggerPatch } = await import("../../../src/authoring/trigger-patch.ts");
      const additions = suggestions.flatMap((s) =>
        s.proposal.kind === "trigger" ? [{ playbook: s.proposal.playbook, phrase: s.proposal.phrase }] : [],
      );
      const dir = values.playbooks ? path.resolve(io.cwd, values.playbooks) : path.join(projectRoot, "playbooks");
      const files = await Promise.all(
        [...new Set(additions.map((a) => a.playbook))].map(async (id) => ({
          path: path
            .relative(projectRoot, path.join(dir, `${id}.yaml`))
            .split(path.sep)
            .join("/"),
          content: await readFile(path.join(dir, `${id}.yaml`), "utf8"),
        })),
      );
      const target = path.resolve(io.cwd, values["write-patch"]);
      await writeFile(target, triggerPatch(files, additions));
      io.err(
        `cpbot suggest: wrote ${additions.length} proposed trigger(s) to ${target}; review it, then \`git apply\` it.`,
      );
    }
    if (values.json) {
      io.out(JSON.stringify({ since: since ?? null, groups: suggestions }, null, 2));
    } else {
      const { suggestionsToText } = await import("../../../src/authoring/suggestions-to-text.ts");
      io.out(suggestionsToText(suggestions, since));
    }
    return 0;
  },
};

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot suggest: ${message}\n\n${usage}`);
  return 2;
}
