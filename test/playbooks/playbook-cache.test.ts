import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { loadPlaybooksCached } from "../../src/playbooks/load-playbooks-cached.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real playbooks and an empty cache folder. */
function setUp() {
  const root = mkdtempSync(path.join(tmpdir(), "cpbot-playbook-cache-"));
  dirs.push(root);
  const playbooks = path.join(root, "playbooks");
  cpSync(defaultPlaybooksDir, playbooks, { recursive: true });
  return { playbooks, cache: path.join(root, "cache") };
}

const entries = (cache: string) => readdirSync(cache).filter((f) => f.startsWith("playbooks-"));

describe("loadPlaybooksCached", () => {
  it("stores a clean load and answers the next one from the cache with the same playbooks", () => {
    const { playbooks, cache } = setUp();
    const first = loadPlaybooksCached(playbooks, cache);
    expect(first.problems).toEqual([]);
    expect(entries(cache)).toHaveLength(1);
    // Prove the second answer comes from the cache: mark the stored copy, then load again.
    const [file] = entries(cache);
    const stored = JSON.parse(readFileSync(path.join(cache, file!), "utf8"));
    stored[0].title = "read from the cache";
    writeFileSync(path.join(cache, file!), JSON.stringify(stored));
    const second = loadPlaybooksCached(playbooks, cache);
    expect(second.playbooks[0]!.title).toBe("read from the cache");
    expect(second.playbooks.slice(1)).toEqual(loadPlaybooks(playbooks).playbooks.slice(1));
  });

  it("loads in full again when a playbook file changes", () => {
    const { playbooks, cache } = setUp();
    loadPlaybooksCached(playbooks, cache);
    const file = path.join(playbooks, "waitlist.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Waitlist, edited"));
    const edited = loadPlaybooksCached(playbooks, cache);
    expect(edited.playbooks.find((p) => p.id === "waitlist")?.title).toBe("Waitlist, edited");
    expect(entries(cache)).toHaveLength(2);
  });

  it("never stores a set with problems, so a broken playbook is reported on every start", () => {
    const { playbooks, cache } = setUp();
    writeFileSync(path.join(playbooks, "broken.yaml"), "id: broken\ntitle: [unclosed\n");
    expect(loadPlaybooksCached(playbooks, cache).problems.length).toBeGreaterThan(0);
    expect(loadPlaybooksCached(playbooks, cache).problems.length).toBeGreaterThan(0);
    expect(() => entries(cache)).toThrow(); // the folder was never even created
  });

  it("without a cache folder (running from source) loads in full and writes nothing", () => {
    const { playbooks, cache } = setUp();
    expect(loadPlaybooksCached(playbooks, undefined).playbooks).toHaveLength(20);
    expect(() => entries(cache)).toThrow();
  });
});
