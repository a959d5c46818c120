import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { defaultTemplatesDir } from "../../src/core/paths.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import {
  clearTemplateCache,
  loadTemplates,
  templatesCached,
  useTemplateCacheDir,
  useTemplatesDir,
} from "../../src/render/card-templates.ts";
import { overviewCard } from "../../src/render/overview-card.ts";
import { renderCard } from "../../src/render/render-card.ts";
import { TemplateCache } from "../../src/render/template-cache.ts";

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A copy of the shipped templates, so a test can edit one without touching the package's. */
function shippedCopy(): string {
  const dir = temp("cpbot-templates-");
  cpSync(defaultTemplatesDir, dir, { recursive: true });
  return dir;
}

afterEach(() => {
  useTemplateCacheDir(undefined);
  useTemplatesDir(defaultTemplatesDir);
  clearTemplateCache();
});

describe("precompiled card templates (the build cache)", () => {
  it("a stored set renders every card exactly as the compiler does", () => {
    const templates = shippedCopy();
    const playbook = loadRegistry().get("relay-stuck-closed");
    if (!playbook) throw new Error("the shipped playbook relay-stuck-closed is missing");
    const options = { query: "fault 303-RSC", explanation: "because fault code 303-RSC", confidence: 1 };
    useTemplatesDir(templates);
    const compiled = overviewCard(playbook, options);

    const cacheDir = temp("cpbot-cache-");
    useTemplateCacheDir(cacheDir);
    clearTemplateCache();
    expect(templatesCached(templates)).toBe(false);
    loadTemplates(templates); // a miss: compiles with the full compiler and stores the set
    expect(readdirSync(cacheDir).filter((f) => /^templates-[0-9a-f]{32}\.cjs$/.test(f))).toHaveLength(1);
    expect(templatesCached(templates)).toBe(true);

    clearTemplateCache(); // as a fresh process: the stored set runs on the Handlebars runtime
    const fromCache = loadTemplates(templates);
    expect([...fromCache.keys()].sort()).toEqual(
      readdirSync(templates)
        .map((f) => f.replace(/\.hbs$/, ""))
        .sort(),
    );
    expect(overviewCard(playbook, options)).toEqual(compiled);
  });

  it("an edited template misses the stored set and is compiled (and checked) afresh", () => {
    const templates = shippedCopy();
    const cacheDir = temp("cpbot-cache-");
    useTemplateCacheDir(cacheDir);
    loadTemplates(templates);
    const before = TemplateCache.keyOf(templates);
    const info = join(templates, "info.hbs");
    writeFileSync(info, readFileSync(info, "utf8").replace('"kind": "info"', '"kind": "info" '));
    expect(TemplateCache.keyOf(templates)).not.toBe(before);
    expect(templatesCached(templates)).toBe(false);

    // A template that prints a bare value is refused, and nothing is stored for it.
    writeFileSync(info, `{ "kind": "info", "title": "{{title}}", "blocks": [] }`);
    clearTemplateCache();
    const stored = readdirSync(cacheDir).length;
    expect(() => loadTemplates(templates)).toThrow(BotError);
    expect(readdirSync(cacheDir)).toHaveLength(stored);
    expect(templatesCached(templates)).toBe(false);
  });

  it("a broken template in a sub-folder (which cpbot lint checks) keeps the set out of the cache", () => {
    const templates = shippedCopy();
    mkdirSync(join(templates, "partials"));
    writeFileSync(join(templates, "partials", "broken.hbs"), "{{#each items}}");
    const cacheDir = temp("cpbot-cache-");
    useTemplateCacheDir(cacheDir);
    expect(loadTemplates(templates).size).toBeGreaterThan(10);
    expect(readdirSync(cacheDir)).toEqual([]);
    expect(templatesCached(templates)).toBe(false);
  });

  it("an unreadable stored file is a miss, not an error", () => {
    const templates = shippedCopy();
    const cacheDir = temp("cpbot-cache-");
    const key = TemplateCache.keyOf(templates);
    writeFileSync(join(cacheDir, `templates-${key}.cjs`), "module.exports = {");
    useTemplateCacheDir(cacheDir);
    const card = renderCard("info", { title: "T", header: null, lines: [], actions: null }, templates);
    expect(card.kind).toBe("info");
  });
});
