import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintTemplates } from "../../src/playbooks/lint-templates.ts";

function templatesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cpbot-templates-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("lintTemplates", () => {
  it("accepts valid templates, including ones using helpers and partials it does not know", () => {
    const dir = templatesDir({
      "step.hbs": "{{#each substeps}}\n- {{this}}\n{{/each}}\n{{> warning}} {{bold title}}",
      "partials/warning.hbs": "{{#if warnings}}⚠ {{warnings}}{{/if}}",
      "README.md": "{{#not a template",
    });
    const { templates, problems } = lintTemplates(dir);
    expect(problems).toEqual([]);
    expect(templates).toEqual([path.join("partials", "warning.hbs"), "step.hbs"]);
  });

  it("reports each broken template with its file and the parser's line", () => {
    const dir = templatesDir({
      "good.hbs": "{{title}}",
      "unclosed.hbs": "line one\n{{#if done}}\nline three\n",
      "mismatch.hbs": "{{#each steps}}\n\n{{/if}}",
    });
    const { templates, problems } = lintTemplates(dir);
    expect(templates).toHaveLength(3);
    expect(problems.map((p) => path.basename(p.file))).toEqual(["mismatch.hbs", "unclosed.hbs"]);
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toContain("each doesn't match if");
    expect(problems[1]?.path).toMatch(/^line \d+$/);
    expect(problems[1]?.message).toMatch(/^Handlebars syntax error/);
  });

  it("reports a missing directory", () => {
    const { problems } = lintTemplates(path.join(tmpdir(), "cpbot-no-such-templates"));
    expect(problems[0]?.message).toContain("does not exist");
  });
});
