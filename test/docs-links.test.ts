import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverCommands } from "../adapters/cli/main.ts";

const root = path.resolve(import.meta.dirname, "..");
const pages = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Markdown links and images whose target is a path in this repository (not a URL, not a bare #anchor). */
function relativeLinks(text: string): string[] {
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith("#"));
}

/** `cpbot <command>` as written in code spans and code blocks. */
function cpbotCommands(text: string): string[] {
  const code = [...text.matchAll(/```[\s\S]*?```|`[^`\n]+`/g)].map((m) => m[0]).join("\n");
  return [...code.matchAll(/(?:^|[\s`$(])(?:npx )?cpbot ([a-z][a-z-]*)/gm)].map((m) => m[1]!);
}

describe("README.md and docs/", () => {
  it.each(pages)("%s: every relative link resolves", (page) => {
    const text = readFileSync(path.join(root, page), "utf8");
    const broken = relativeLinks(text).filter((link) => {
      const file = decodeURIComponent(link.split("#")[0]!);
      return !existsSync(path.resolve(root, path.dirname(page), file));
    });
    expect(broken).toEqual([]);
  });

  it.each(pages)("%s: every `cpbot …` example names a command that exists", async (page) => {
    const names = new Set((await discoverCommands()).map((c) => c.name));
    const text = readFileSync(path.join(root, page), "utf8");
    const unknown = cpbotCommands(text).filter((name) => !names.has(name));
    expect(unknown).toEqual([]);
  });

  it("the checks see links and commands at all", () => {
    expect(relativeLinks("[a](docs/x.md) [b](https://x.org) [c](#top) ![p](images/card.png)")).toEqual([
      "docs/x.md",
      "images/card.png",
    ]);
    expect(cpbotCommands("run `cpbot ask TEXT`\n```sh\nnpx cpbot serve --port 1\n$ cpbot bogus\n```")).toEqual([
      "ask",
      "serve",
      "bogus",
    ]);
  });
});
