import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedMatcher } from "../../src/matcher/cached-matcher.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { fileModelCache } from "../../src/matcher/file-model-cache.ts";
import type { ModelCache } from "../../src/matcher/match-result.ts";
import { makePlaybook } from "./make-playbook.ts";
import { evalCases, realMatcher } from "./real-matcher.ts";

/** A ModelCache in memory that counts what the matcher asks of it. */
function countingCache() {
  const entries = new Map<string, Float64Array>();
  const log = { loads: 0, hits: 0, saves: 0 };
  const cache: ModelCache = {
    load(key) {
      log.loads++;
      const hit = entries.get(key);
      if (hit) log.hits++;
      return hit;
    },
    save(key, weights) {
      log.saves++;
      entries.set(key, weights.slice());
    },
  };
  return { cache, entries, log };
}

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cpbot-model-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the matcher's model cache", () => {
  const { playbooks } = realMatcher();

  it("trains once, and a matcher read from the cache answers every eval query exactly like a trained one", () => {
    const { cache, log } = countingCache();
    const trained = createMatcher(playbooks, { modelCache: cache });
    trained.warmUp?.();
    expect(log).toEqual({ loads: 1, hits: 0, saves: 1 });
    const fromCache = createMatcher(playbooks, { modelCache: cache });
    fromCache.warmUp?.();
    expect(log).toEqual({ loads: 2, hits: 1, saves: 1 });
    for (const { text } of evalCases()) {
      const [a, b] = [trained.match(text), fromCache.match(text)];
      // Bit for bit: the same decision and the same confidence, not merely close.
      expect([b.kind, b.playbook, b.confidence]).toEqual([a.kind, a.playbook, a.confidence]);
    }
  });

  it("keys the weights on the training itself: a changed playbook set trains again", () => {
    const { cache, entries, log } = countingCache();
    const one = [makePlaybook("breaker-wiring", ["breaker keeps tripping"]), makePlaybook("screen", ["screen text"])];
    const two = [makePlaybook("breaker-wiring", ["breaker trips at night"]), makePlaybook("screen", ["screen text"])];
    createMatcher(one, { modelCache: cache }).warmUp?.();
    createMatcher(two, { modelCache: cache }).warmUp?.();
    expect(log.hits).toBe(0);
    expect(entries.size).toBe(2);
  });

  it("does not train at all for a message a fault code answers", () => {
    const { cache, log } = countingCache();
    const matcher = createMatcher(playbooks, { modelCache: cache });
    expect(matcher.match("fault 303-RSC").kind).toBe("fault-code");
    expect(log.loads + log.saves).toBe(0);
    expect(matcher.match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
    expect(log.saves).toBe(1);
  });
});

describe("fileModelCache", () => {
  const weights = Float64Array.from([0.5, -1.25, 3e-9, 42]);

  it("reads back what it wrote, and nothing for a key it never saw", () => {
    const cache = fileModelCache(tempDir());
    cache.save("k1", weights);
    expect(cache.load("k1")).toEqual(weights);
    expect(cache.load("k2")).toBeUndefined();
  });

  it("treats a damaged file as a miss, so the model is trained again", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "model-k1.f64"), Buffer.from([1, 2, 3]));
    expect(fileModelCache(dir).load("k1")).toBeUndefined();
    // A file of the wrong length for the model is refused by the model: the matcher trains and answers.
    writeFileSync(path.join(dir, "model-k2.f64"), Buffer.alloc(16));
    const matcher = createMatcher(realMatcher().playbooks, { modelCache: fileModelCache(dir) });
    expect(matcher.match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
  });

  it("never fails when the folder cannot be written (a read-only install): it only trains every time", () => {
    // A folder under a plain file cannot be created, even by root (tests may run as root).
    const blocker = path.join(tempDir(), "a-file");
    writeFileSync(blocker, "");
    const cache = fileModelCache(path.join(blocker, "cache"));
    expect(() => cache.save("k1", weights)).not.toThrow();
    expect(cache.load("k1")).toBeUndefined();
  });

  it("cachedMatcher keeps one weights file per playbook set in the cache folder", () => {
    const dir = tempDir();
    cachedMatcher(realMatcher().playbooks, {}, dir).warmUp?.();
    cachedMatcher(realMatcher().playbooks, {}, dir).warmUp?.();
    expect(readdirSync(dir).filter((f) => f.endsWith(".f64"))).toHaveLength(1);
  });
});
