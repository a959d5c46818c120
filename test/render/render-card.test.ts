import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Handlebars from "handlebars";
import { afterEach, describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { defaultTemplatesDir } from "../../src/core/paths.ts";
import { clearTemplateCache, loadTemplates, templatesDir, useTemplatesDir } from "../../src/render/card-templates.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { renderCard } from "../../src/render/render-card.ts";

function templates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cpbot-templates-"));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  return dir;
}

const plain = `{ "kind": "info", "title": {{json title}}, "blocks": {{json (blocks header "divider" lines "divider")}} }`;

function botError(fn: () => unknown): BotError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BotError) return error;
    throw error;
  }
  throw new Error("expected a BotError");
}

afterEach(() => {
  useTemplatesDir(defaultTemplatesDir);
  clearTemplateCache();
});

describe("renderCard", () => {
  it("turns a view built in code into a validated card", () => {
    const dir = templates({ "info.hbs": plain });
    const card = renderCard(
      "info",
      { title: "Saved", header: { type: "header", text: "Saved" }, lines: [{ type: "text", text: "ok" }] },
      dir,
    );
    expect(card).toEqual({
      kind: "info",
      title: "Saved",
      blocks: [{ type: "header", text: "Saved" }, { type: "divider" }, { type: "text", text: "ok" }],
    });
  });

  it("drops absent parts and the dividers next to them", () => {
    const dir = templates({ "info.hbs": plain });
    const card = renderCard("info", { title: "T", header: null, lines: [null, [], { type: "divider" }] }, dir);
    expect(card.blocks).toEqual([{ type: "divider" }]);
  });

  it("keeps quotes, backslashes, newlines, {{x}}, emoji and 5,000 characters intact", () => {
    const nasty = `say "hi" \\ back\\slash\nline two {{title}} {{{x}}} 🚗⚡ <!channel> & ${"é".repeat(5000)}`;
    const card = infoCard(nasty, [nasty]);
    expect(card.title).toBe(nasty.replace(/\s+/g, " "));
    expect(card.blocks[1]).toEqual({ type: "text", text: nasty });
  });

  it("reports a template that does not compile, naming the file", () => {
    const dir = templates({ "info.hbs": plain, "broken.hbs": `{ "kind": {{#if x}} }` });
    const error = botError(() => loadTemplates(dir));
    expect(error.code).toBe("templates_invalid");
    expect(error.message).toContain(join(dir, "broken.hbs"));
  });

  it("refuses a helper it does not know (knownHelpersOnly), so no value can bypass the json helper", () => {
    const dir = templates({ "info.hbs": `{ "kind": "info", "title": {{{raw title}}}, "blocks": [] }` });
    expect(botError(() => loadTemplates(dir)).message).toContain("info.hbs");
  });

  it("reports a field the view lacks (strict mode) instead of printing nothing", () => {
    const dir = templates({ "info.hbs": `{ "kind": "info", "title": {{json titel}}, "blocks": [] }` });
    const error = botError(() => renderCard("info", { title: "x" }, dir));
    expect(error.code).toBe("templates_invalid");
    expect(error.message).toMatch(/info\.hbs failed to render: json: a value is undefined on line 1/);
  });

  it("refuses a value written without the json helper, quoted or not", () => {
    for (const source of [`{ "title": {{title}} }`, `{ "title": "{{title}}" }`, `{{#if x}}{{{title}}}{{/if}}`]) {
      const dir = templates({ "info.hbs": source });
      const error = botError(() => loadTemplates(dir));
      expect(error.message).toContain(`${join(dir, "info.hbs")}: {{title}} on line 1 must go through {{json …}}`);
    }
  });

  it("reports output that is not JSON, naming the template", () => {
    const dir = templates({ "info.hbs": `{ "kind": "info", "title": {{json title}} ` });
    const error = botError(() => renderCard("info", { title: "a" }, dir));
    expect(error.message).toContain("info.hbs did not produce valid JSON");
  });

  it("reports a card that fails the schema, with the path of the problem", () => {
    const dir = templates({
      "info.hbs": `{ "kind": "info", "title": {{json title}}, "blocks": [{ "type": "nope" }] }`,
    });
    const error = botError(() => renderCard("info", { title: "x" }, dir));
    expect(error.message).toContain("info.hbs produced an invalid card");
    expect(error.message).toContain("blocks.0");
  });

  it("reports a missing template by its path", () => {
    const dir = templates({ "info.hbs": plain });
    expect(botError(() => renderCard("help", {}, dir)).message).toContain(join(dir, "help.hbs"));
  });

  it("compiles each directory once and can be pointed at another directory", () => {
    const dir = templates({ "info.hbs": plain });
    expect(loadTemplates(dir)).toBe(loadTemplates(dir));
    useTemplatesDir(dir);
    expect(templatesDir()).toBe(dir);
    const card = infoCard("From elsewhere", ["line"]);
    expect(card.blocks.map((b) => b.type)).toEqual(["header", "divider", "text"]);
  });

  it("refuses to switch to a directory whose templates do not compile", () => {
    const dir = templates({ "info.hbs": "{{#each}}" });
    expect(() => useTemplatesDir(dir)).toThrow(BotError);
    expect(templatesDir()).toBe(defaultTemplatesDir);
  });

  it("every shipped template compiles with plain handlebars (what cpbot lint checks)", () => {
    const names = [...loadTemplates(defaultTemplatesDir).keys()];
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) {
      expect(() => Handlebars.precompile(require_(name), { strict: true })).not.toThrow();
    }
  });
});

import { readFileSync } from "node:fs";

function require_(name: string): string {
  return readFileSync(join(defaultTemplatesDir, `${name}.hbs`), "utf8");
}
