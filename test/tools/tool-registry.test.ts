import { describe, expect, it } from "vitest";
import { toolIds } from "../../src/playbooks/playbook-schema.ts";
import { cpSubcommands, findTool, subcommandFor, toolRegistry } from "../../src/tools/tool-registry.ts";

const nasty: unknown[] = [undefined, null, 42, "text", [], { surprise: true }, { sessions: "x" }];

describe("tool registry", () => {
  it("has one definition per ToolId, keyed by its own id", () => {
    expect(Object.keys(toolRegistry).sort()).toEqual([...toolIds].sort());
    for (const [id, tool] of Object.entries(toolRegistry)) expect(tool.id).toBe(id);
  });

  it("maps every /cp subcommand to a tool, and every tool has one", () => {
    expect(new Set(Object.values(cpSubcommands))).toEqual(new Set(toolIds));
    expect(subcommandFor("station-message")).toBe("msg");
    expect(findTool("MSG")?.id).toBe("station-message");
    expect(findTool("latest-status")?.id).toBe("latest-status");
    expect(findTool("nope")).toBeUndefined();
  });

  it("names, for every tool, a default playbook among its playbooks, a usage and runnable examples", () => {
    for (const tool of Object.values(toolRegistry)) {
      expect(tool.playbooks).toContain(tool.playbook);
      expect(tool.usage.startsWith(subcommandFor(tool.id))).toBe(true);
      for (const example of tool.examples) {
        const text = example.slice(example.indexOf(" ") + 1);
        expect(tool.fromText(text).verdict, `${tool.id}: ${example}`).not.toBe("invalid");
      }
    }
  });

  it.each(toolIds)("%s never throws on malformed input and answers per field", (id) => {
    const tool = toolRegistry[id];
    for (const input of nasty) {
      const result = tool.run(input);
      expect(result.verdict).toBe("invalid");
      expect(result.tool).toBe(id);
      expect(result.errors.length).toBeGreaterThan(0);
      for (const error of result.errors) expect(error.message.length).toBeGreaterThan(15);
    }
  });

  it.each(toolIds)("%s refuses empty and huge text with the expected format", (id) => {
    const tool = toolRegistry[id];
    const empty = tool.fromText("  \n ");
    expect(empty.errors[0]!.message).toMatch(/^Nothing to check/);
    expect(empty.explanation[0]).toBe(`Expected: /cp ${tool.usage}`);
    expect(tool.fromText("x".repeat(20_001)).errors[0]!.code).toBe("too_long");
  });

  it.each(toolIds)("%s keeps a walkthrough's playbook only when it is one of its own", (id) => {
    const tool = toolRegistry[id];
    const own = tool.playbooks.at(-1)!;
    expect(tool.fromText("", { playbook: own }).playbook).toBe(own);
    expect(tool.fromText("", { playbook: "waitlist" }).playbook).toBe(tool.playbook);
  });

  it.each(toolIds)("%s answers a 20,000-character pathological paste quickly", (id) => {
    const tool = toolRegistry[id];
    for (const paste of ["1".repeat(19_999), " ".repeat(19_990) + "x", "| ".repeat(9_999), "1,".repeat(9_999)]) {
      const started = performance.now();
      const result = tool.fromText(paste);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(JSON.stringify(result).length).toBeLessThan(50_000);
    }
  });
});
