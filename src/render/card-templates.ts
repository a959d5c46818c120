import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import { BotError } from "../core/bot-error.ts";
import { defaultTemplatesDir } from "../core/paths.ts";

/**
 * Loads and compiles the card templates in `templates/`. Handlebars escapes for HTML, not JSON, so a
 * template never interpolates a bare value: it emits JSON only through the `json` helper (JSON.stringify
 * wrapped in a SafeString, written unquoted) and arranges blocks with the `blocks` helper. Every value the
 * template sees is already a finished string, block or array built in code (src/render/*-card.ts).
 */

export type CardTemplate = (view: Record<string, unknown>) => string;

const knownHelpers = { json: true, blocks: true } as const;
/** strict: a template naming a field the view lacks throws instead of printing nothing. */
const compileOptions = { strict: true, knownHelpers, knownHelpersOnly: true } as const;

// An isolated environment, so helpers registered elsewhere in the process cannot leak into card JSON.
const env = Handlebars.create();

env.registerHelper("json", (value: unknown) => {
  // undefined would vanish from the JSON and leave `"key": ,`; null is the explicit "absent".
  return new env.SafeString(JSON.stringify(value ?? null));
});

/**
 * `(blocks a b "divider" c …)`: flattens blocks and arrays of blocks in order, drops absent ones (null,
 * undefined, false, []), and keeps a divider only between two present parts, so a template can list every
 * optional section without leaving a dangling divider or a trailing comma.
 */
env.registerHelper("blocks", (...args: unknown[]) => {
  const parts = args.slice(0, -1); // the last argument is Handlebars' options hash
  const out: unknown[] = [];
  const pending = { divider: false };
  const push = (block: unknown) => {
    if (pending.divider && out.length > 0) out.push({ type: "divider" });
    pending.divider = false;
    out.push(block);
  };
  for (const part of parts) {
    if (part === "divider") pending.divider = true;
    else if (typeof part === "string") throw new Error(`blocks: unknown literal "${part}" (only "divider")`);
    else if (Array.isArray(part)) for (const block of part.flat(Number.POSITIVE_INFINITY)) push(block);
    else if (part !== null && part !== undefined && part !== false) push(part);
  }
  return out;
});

const cache = new Map<string, Map<string, CardTemplate>>();
let currentDir = defaultTemplatesDir;

/**
 * Compiles every `*.hbs` in `dir` (once per directory; later calls hit the cache). Throws one
 * BotError("templates_invalid") naming every file that does not compile.
 */
export function loadTemplates(dir: string = currentDir): Map<string, CardTemplate> {
  const cached = cache.get(dir);
  if (cached) return cached;
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".hbs"))
      .sort();
  } catch (error) {
    throw new BotError(`Cannot read the templates directory ${dir}: ${(error as Error).message}`, "templates_invalid", {
      cause: error,
    });
  }
  const templates = new Map<string, CardTemplate>();
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    try {
      // compile() is lazy; precompile() parses now, so a syntax error surfaces at load time, not mid-reply.
      env.precompile(source, compileOptions);
      templates.set(file.slice(0, -".hbs".length), env.compile(source, compileOptions));
    } catch (error) {
      problems.push(`${join(dir, file)}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    throw new BotError(`Card templates do not compile:\n${problems.join("\n")}`, "templates_invalid");
  }
  cache.set(dir, templates);
  return templates;
}

/** Points the card builders at another templates directory (config, `cpbot lint --templates DIR`). */
export function useTemplatesDir(dir: string): void {
  loadTemplates(dir); // fail fast at start-up rather than on the first reply
  currentDir = dir;
}

export function templatesDir(): string {
  return currentDir;
}

/** Forgets compiled templates, for tests and for a lint run that edits files between checks. */
export function clearTemplateCache(): void {
  cache.clear();
}
