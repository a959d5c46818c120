import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Document, LineCounter } from "yaml";
import { defaultPlaybooksDir } from "../core/paths.ts";
import { type LintProblem, type LoadedPlaybook, lintPlaybooks } from "./lint-playbooks.ts";
import { type Playbook, PlaybookSchema } from "./playbook-schema.ts";
import { parsePath, schemaProblems } from "./schema-problems.ts";

type Yaml = typeof import("yaml");
let yamlModule: Yaml | undefined;
/** The YAML parser, loaded on the first full load: a start answered by the build cache never needs it. */
function yaml(): Yaml {
  yamlModule ??= createRequire(import.meta.url)("yaml") as Yaml;
  return yamlModule;
}

/** Paths in reports are relative to the working directory, so editors and terminals can open them. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

/**
 * Reads, parses and validates every playbook in `dir`. Never throws for bad content: every problem is
 * collected so an author sees all of them in one run, and only fully valid playbooks are returned.
 */
export function loadPlaybooks(dir: string = defaultPlaybooksDir): { playbooks: Playbook[]; problems: LintProblem[] } {
  const shownDir = displayPath(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const fix = "create it, or point --playbooks at the folder of playbook YAML files";
    return {
      playbooks: [],
      problems: [{ file: shownDir, path: "", message: "the playbooks directory does not exist", fix }],
    };
  }
  const names = readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  if (names.length === 0) {
    const fix = "add playbooks (one <id>.yaml per playbook), or point --playbooks at the right folder";
    return {
      playbooks: [],
      problems: [{ file: shownDir, path: "", message: "the directory has no .yaml files", fix }],
    };
  }

  const problems: LintProblem[] = [];
  const loaded: (LoadedPlaybook & { doc: Document; lines: LineCounter })[] = [];
  for (const name of names) {
    const file = displayPath(path.join(dir, name));
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path.join(dir, name), "utf8"), { lineCounter: lines });
    const [error, ...more] = doc.errors;
    if (error) {
      // Only the first: one indentation slip makes the parser report a cascade of consequences after it.
      const line = error.linePos?.[0];
      const later = more.length > 0 ? ` (${more.length} more error(s) may follow from this one)` : "";
      problems.push({
        file,
        path: line ? `line ${line.line}, column ${line.col}` : "",
        ...(line ? { line: line.line } : {}),
        message: `YAML syntax error: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}${later}`,
        fix: "fix the YAML there (indentation, a missing colon, or quote text that contains ': ' or starts with * & ! { [)",
      });
      continue;
    }
    const result = PlaybookSchema.safeParse(doc.toJS(), { reportInput: true });
    if (!result.success) {
      problems.push(...withLines(schemaProblems(file, result.error.issues), doc, lines));
      continue;
    }
    loaded.push({ file, playbook: result.data, doc, lines });
  }

  const cross = lintPlaybooks(loaded);
  for (const entry of loaded) {
    problems.push(
      ...withLines(
        cross.filter((p) => p.file === entry.file),
        entry.doc,
        entry.lines,
      ),
    );
  }
  const broken = new Set(problems.map((p) => p.file));
  return { playbooks: loaded.filter((l) => !broken.has(l.file)).map((l) => l.playbook), problems };
}

/** Adds the line of each problem's path, or of its nearest existing parent when the field is missing. */
function withLines(problems: LintProblem[], doc: Document, lines: LineCounter): LintProblem[] {
  return problems.map((p) => {
    const segments = parsePath(p.path);
    for (let n = segments.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (offset !== undefined && (n > 0 || yaml().isCollection(node)))
        return { ...p, line: lines.linePos(offset).line };
    }
    return p;
  });
}
