import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type HandlebarsModule from "handlebars";
import { BotError } from "../core/bot-error.ts";
import { buildCacheDir, buildVendorDir } from "../core/build-cache.ts";
import { defaultTemplatesDir } from "../core/paths.ts";
import { TemplateCache, type TemplateSpec } from "./template-cache.ts";

/**
 * Loads and compiles the card templates in `templates/`. Handlebars escapes for HTML, not JSON, so a
 * template never interpolates a bare value: it emits JSON only through the `json` helper (JSON.stringify
 * wrapped in a SafeString, written unquoted) and arranges blocks with the `blocks` helper. Every value the
 * template sees is already a finished string, block or array built in code (src/render/*-card.ts).
 */

export type CardTemplate = (view: Record<string, unknown>) => string;

const knownHelpers = { json: true, blocks: true, details: true } as const;
/** strict: a template naming a field the view lacks throws instead of printing nothing. */
const compileOptions = { strict: true, knownHelpers, knownHelpersOnly: true } as const;

type HandlebarsEnv = typeof HandlebarsModule;
const require = createRequire(import.meta.url);
let runtimeEnv: HandlebarsEnv | undefined;
let compilerEnv: HandlebarsEnv | undefined;

/**
 * Isolated environments, so helpers registered elsewhere in the process cannot leak into card JSON. The
 * runtime (no parser, no code generator) runs templates the build precompiled; the full compiler is
 * loaded only when a template set is not in the build cache (running from source, an edited template).
 */
function runtime(): HandlebarsEnv {
  runtimeEnv ??= withHelpers((require(runtimeModule()) as HandlebarsEnv).create());
  return runtimeEnv;
}
/**
 * The compiled build's one-file bundle of the runtime (dist/vendor, the version package-lock.json
 * installed): the package's runtime is 21 CommonJS files, and resolving and reading them took longer
 * than running the templates of an answer. From the sources, or a build without it, the package.
 */
function runtimeModule(): string {
  const bundled = buildVendorDir && join(buildVendorDir, "handlebars-runtime.cjs");
  return bundled && existsSync(bundled) ? bundled : "handlebars/runtime";
}
function compiler(): HandlebarsEnv {
  compilerEnv ??= withHelpers((require("handlebars") as HandlebarsEnv).create());
  return compilerEnv;
}

/**
 * Handlebars' strict mode checks plain `{{field}}` lookups but not helper arguments, so the helpers do it:
 * views mark an absent part with null, and undefined can only mean a name the view does not have.
 */
function defined(value: unknown, helper: string, options: unknown): void {
  if (value !== undefined) return;
  const line = (options as { loc?: { start?: { line?: number } } }).loc?.start?.line;
  throw new Error(`${helper}: a value is undefined${line ? ` on line ${line}` : ""} (a name the view does not have?)`);
}

function withHelpers(env: HandlebarsEnv): HandlebarsEnv {
  env.registerHelper("json", (value: unknown, options: unknown) => {
    defined(value, "json", options);
    return new env.SafeString(JSON.stringify(value));
  });

  /**
   * `(blocks a b "divider" c …)`: flattens blocks and arrays of blocks in order, drops absent ones (null,
   * false, []), and keeps a divider only between two present parts, so a template can list every
   * optional section without leaving a dangling divider or a trailing comma.
   */
  env.registerHelper("blocks", (...args: unknown[]) => {
    const parts = args.slice(0, -1); // the last argument is Handlebars' options hash
    for (const part of parts) defined(part, "blocks", args[args.length - 1]);
    const out: unknown[] = [];
    const pending = { divider: false };
    const push = (block: unknown) => {
      if (block === null || block === undefined || block === false) return;
      if (pending.divider && out.length > 0) out.push({ type: "divider" });
      pending.divider = false;
      out.push(block);
    };
    for (const part of parts) {
      if (part === "divider") pending.divider = true;
      else if (typeof part === "string") throw new Error(`blocks: unknown literal "${part}" (only "divider")`);
      else if (Array.isArray(part)) for (const block of part.flat(Number.POSITIVE_INFINITY)) push(block);
      else push(part);
    }
    return out;
  });

  /**
   * `(details "id" (blocks …))`: the blocks folded into one `details` block with that id (see CardSchema),
   * or null when there is nothing to fold, so a template can place an article one press away.
   */
  env.registerHelper("details", (id: unknown, inner: unknown, options: unknown) => {
    defined(id, "details", options);
    defined(inner, "details", options);
    if (typeof id !== "string") throw new Error("details: the first argument must be the id, in quotes");
    const blocks = Array.isArray(inner) ? inner : [];
    return blocks.length > 0 ? { type: "details", id, blocks } : null;
  });
  return env;
}

type AstNode = { type: string; loc?: { start: { line: number } }; [key: string]: unknown };

/**
 * Every `{{…}}` that writes output must be a call of `json`: a bare `{{value}}` would print HTML-escaped,
 * unquoted text into the JSON. Checked on the parsed template, so the rule holds for every file loaded.
 */
function outputsOutsideJson(node: AstNode | undefined, found: string[] = []): string[] {
  if (!node) return found;
  if (node.type === "Program") for (const child of node.body as AstNode[]) outputsOutsideJson(child, found);
  if (node.type === "BlockStatement") {
    outputsOutsideJson(node.program as AstNode | undefined, found);
    outputsOutsideJson(node.inverse as AstNode | undefined, found);
  }
  const path = (node.path as { original?: unknown } | undefined)?.original;
  const line = node.loc ? ` on line ${node.loc.start.line}` : "";
  if (node.type === "MustacheStatement" && path !== "json")
    found.push(`{{${String(path)}}}${line} must go through {{json …}}`);
  if (node.type === "PartialStatement" || node.type === "PartialBlockStatement")
    found.push(`a partial${line} is not supported`);
  return found;
}

const cache = new Map<string, Map<string, CardTemplate>>();
let currentDir = defaultTemplatesDir;
/** Where precompiled template sets are kept: the build cache when compiled, none from source. */
let precompiledDir: string | undefined = buildCacheDir;

/**
 * Compiles every `*.hbs` in `dir` (once per directory; later calls hit the cache). Throws one
 * BotError("templates_invalid") naming every file that does not compile.
 */
export function loadTemplates(dir: string = currentDir): Map<string, CardTemplate> {
  const cached = cache.get(dir);
  if (cached) return cached;
  const templates = compileTemplates(dir);
  cache.set(dir, templates);
  return templates;
}

/**
 * Compiles `dir` afresh and, only if every file compiles, replaces what the cards use (a hot reload).
 * A template that fails throws and leaves the compiled set that is serving untouched.
 */
export function reloadTemplates(dir: string = currentDir): void {
  cache.set(dir, compileTemplates(dir));
}

function compileTemplates(dir: string): Map<string, CardTemplate> {
  const stored = precompiledDir ? new TemplateCache(precompiledDir) : undefined;
  const key = stored ? TemplateCache.keyOf(dir) : undefined;
  const specs = key ? stored?.load(key) : undefined;
  if (specs) return fromSpecs(specs);
  const { templates, sources, problems } = compileSources(dir);
  if (problems.length > 0) {
    throw new BotError(`Card templates do not compile:\n${problems.join("\n")}`, "templates_invalid");
  }
  if (key && subfoldersCompile(dir)) stored?.save(key, sources);
  return templates;
}

function fromSpecs(specs: ReadonlyMap<string, TemplateSpec>): Map<string, CardTemplate> {
  const env = runtime();
  return new Map([...specs].map(([name, spec]) => [name, env.template(spec as never) as CardTemplate]));
}

function compileSources(dir: string): {
  templates: Map<string, CardTemplate>;
  sources: Map<string, string>;
  problems: string[];
} {
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
  const env = compiler();
  const templates = new Map<string, CardTemplate>();
  const sources = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    try {
      // compile() is lazy; precompile() parses now, so a syntax error surfaces at load time, not mid-reply.
      // The types call it a TemplateSpecification; at run time it is the JavaScript source of one.
      const spec = String(env.precompile(source, compileOptions));
      const unsafe = outputsOutsideJson(env.parse(source) as unknown as AstNode);
      if (unsafe.length > 0) throw new Error(unsafe.join("; "));
      const name = file.slice(0, -".hbs".length);
      sources.set(name, spec);
      templates.set(name, env.compile(source, compileOptions));
    } catch (error) {
      problems.push(`${join(dir, file)}: ${(error as Error).message}`);
    }
  }
  return { templates, sources, problems };
}

/**
 * `cpbot lint` and start-up also check templates in sub-folders, which cards never load; a stored set
 * stands for "no problems" to them (see templatesCached), so it is stored only when those compile too.
 */
function subfoldersCompile(dir: string): boolean {
  const env = compiler();
  try {
    for (const file of TemplateCache.files(dir).filter((f) => f.includes("/"))) {
      env.precompile(readFileSync(join(dir, file), "utf8"), { strict: true });
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the build cache holds `dir`'s templates as they are now: every one compiled and passed the
 * checks when stored, so start-up need not lint them again (a miss lints and compiles as before).
 */
export function templatesCached(dir: string = currentDir): boolean {
  const key = precompiledDir ? TemplateCache.keyOf(dir) : undefined;
  return key !== undefined && precompiledDir !== undefined && new TemplateCache(precompiledDir).has(key);
}

/** Keeps precompiled template sets in `dir` (undefined: never), for tests of the build cache. */
export function useTemplateCacheDir(dir: string | undefined): void {
  precompiledDir = dir;
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
