import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type Handlebars from "handlebars";
import { defaultTemplatesDir } from "../core/paths.ts";
import type { LintProblem } from "./lint-playbooks.ts";
import { displayPath } from "./load-playbooks.ts";

/**
 * Compiles every `*.hbs` in `dir` so a syntax error is found by `cpbot lint` rather than by the first
 * support engineer who reaches that card. Precompiling parses the whole template without needing its
 * helpers, partials or data, and an isolated instance keeps lint from touching the renderer's registry.
 */
export function lintTemplates(dir: string = defaultTemplatesDir): { templates: string[]; problems: LintProblem[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const problem = {
      file: displayPath(dir),
      path: "",
      message: "the templates directory does not exist",
      fix: "create it, or point --templates at the folder of .hbs files",
    };
    return { templates: [], problems: [problem] };
  }
  // Loaded here, not at import: a start whose templates are precompiled in the build cache never lints.
  const handlebars = (createRequire(import.meta.url)("handlebars") as typeof Handlebars).create();
  const templates = listTemplates(dir);
  const problems: LintProblem[] = [];
  for (const name of templates) {
    const file = displayPath(path.join(dir, name));
    try {
      handlebars.precompile(readFileSync(path.join(dir, name), "utf8"), { strict: true });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      // Block mismatches carry `lineNumber`; parse errors only say "Parse error on line N:" in the text.
      const lineNumber = (error as { lineNumber?: unknown }).lineNumber;
      const line = typeof lineNumber === "number" ? lineNumber : Number(/line (\d+)/i.exec(text)?.[1]) || undefined;
      // Drop the parser's source excerpt and caret line; keep what it expected and what it got.
      const lines = text.split("\n");
      const expecting = lines.find((l) => l.startsWith("Expecting"));
      const summary = `${lines[0]?.replace(/:$/, "")}${expecting ? `; ${expecting}` : ""}`;
      problems.push({
        file,
        path: line ? `line ${line}` : "",
        ...(line ? { line } : {}),
        message: `Handlebars syntax error: ${summary}`,
        fix: "close every {{#block}} with a matching {{/block}} and check the braces on that line",
      });
    }
  }
  return { templates, problems };
}

/** Templates may sit in sub-folders (partials/); names are relative to `dir`, sorted for a stable report. */
function listTemplates(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = path.join(prefix, entry.name);
      if (entry.isDirectory()) return listTemplates(dir, rel);
      return entry.name.endsWith(".hbs") ? [rel] : [];
    })
    .sort();
}
