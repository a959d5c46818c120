import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedMatcher } from "../../src/matcher/cached-matcher.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { fileModelCache } from "../../src/matcher/file-model-cache.ts";
import { fileScorerCache } from "../../src/matcher/file-scorer-cache.ts";
import type { Matcher } from "../../src/matcher/match-result.ts";
import type { ScorerCache, ScorerSnapshot } from "../../src/matcher/scorer-snapshot.ts";
import { Vectoriser } from "../../src/matcher/vectorise.ts";
import { makePlaybook } from "./make-playbook.ts";
import { evalCases, realMatcher } from "./real-matcher.ts";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cpbot-scorer-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the matcher's own modules, so a test can "edit the code" without touching the real one. */
function codeCopy(): string {
  const dir = path.join(tempDir(), "matcher");
  cpSync(path.resolve(import.meta.dirname, "../../src/matcher"), dir, { recursive: true });
  return dir;
}

/** fileScorerCache that records what it was asked and what it warned about. */
function watched(dir: string, codeDir: string) {
  const warnings: string[] = [];
  const log = { loads: 0, hits: 0, saves: 0 };
  const files = fileScorerCache(dir, codeDir, (m) => warnings.push(m));
  const cache: ScorerCache = {
    load(key) {
      log.loads++;
      const hit = files.load(key);
      if (hit) log.hits++;
      return hit;
    },
    save(key, snapshot) {
      log.saves++;
      files.save(key, snapshot);
    },
    unusable: (key, reason) => files.unusable(key, reason),
  };
  const matcher = (playbooks = realMatcher().playbooks): Matcher => {
    const m = createMatcher(playbooks, { modelCache: fileModelCache(dir), scorerCache: cache });
    m.warmUp?.();
    return m;
  };
  return { cache, log, warnings, matcher };
}

const snapshotFiles = (dir: string) => readdirSync(dir).filter((f) => /^scorer-.*\.json$/.test(f));

describe("the matcher's scorer snapshot", () => {
  it("is written on the first build and read on the next, and the restored matcher answers every eval query exactly like a built one", () => {
    const dir = tempDir();
    const code = codeCopy();
    const first = watched(dir, code);
    const built = first.matcher();
    expect(first.log).toEqual({ loads: 1, hits: 0, saves: 1 });
    const second = watched(dir, code);
    const restored = second.matcher();
    expect(second.log).toEqual({ loads: 1, hits: 1, saves: 0 });
    const plain = realMatcher().matcher;
    for (const { text } of evalCases()) {
      const [a, b, c] = [built.match(text), restored.match(text), plain.match(text)];
      // Bit for bit, explanation included (corrections come from the restored vocabulary and word pairs).
      expect(b).toEqual(a);
      expect(b).toEqual(c);
    }
    expect(second.warnings).toEqual([]);
  });

  it("corrects typos from the restored vocabulary like the built one", () => {
    const dir = tempDir();
    const code = codeCopy();
    watched(dir, code).matcher();
    const restored = watched(dir, code).matcher();
    const result = restored.match("relay stuck closd on port 2");
    expect(result.playbook).toBe("relay-stuck-closed");
    expect(result.explanation.corrections).toEqual(
      realMatcher().matcher.match("relay stuck closd on port 2").explanation.corrections,
    );
  });

  it("is not used for another playbook set: changed triggers build (and store) a snapshot of their own", () => {
    const dir = tempDir();
    const code = codeCopy();
    const one = [makePlaybook("breaker-wiring", ["breaker keeps tripping"]), makePlaybook("screen", ["screen text"])];
    const two = [makePlaybook("breaker-wiring", ["breaker trips at night"]), makePlaybook("screen", ["screen text"])];
    const cache = watched(dir, code);
    cache.matcher(one);
    cache.matcher(two);
    expect(cache.log).toEqual({ loads: 2, hits: 0, saves: 2 });
    expect(snapshotFiles(dir)).toHaveLength(2);
    expect(cache.matcher(two).match("breaker trips at night").playbook).toBe("breaker-wiring");
    expect(cache.log.hits).toBe(1);
  });

  it("is not used after the matcher's code changes: an edited module means building afresh", () => {
    const dir = tempDir();
    const code = codeCopy();
    watched(dir, code).matcher();
    const synonyms = path.join(code, "synonyms.ts");
    writeFileSync(synonyms, `${readFileSync(synonyms, "utf8")}\n// edited\n`);
    const after = watched(dir, code);
    after.matcher();
    expect(after.log).toEqual({ loads: 1, hits: 0, saves: 1 });
    expect(snapshotFiles(dir)).toHaveLength(2);
    expect(after.warnings).toEqual([]);
  });

  it("ignores a damaged file with a warning, builds the matcher, and writes a good snapshot over it", () => {
    for (const damage of ["{ not json", JSON.stringify({ format: 1, classCount: 3 }), "[]"]) {
      const dir = tempDir();
      const code = codeCopy();
      watched(dir, code).matcher();
      const [file] = snapshotFiles(dir);
      writeFileSync(path.join(dir, file!), damage);
      const next = watched(dir, code);
      const matcher = next.matcher();
      expect(matcher.match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
      expect(next.warnings).toHaveLength(1);
      expect(next.warnings[0]).toMatch(
        /^ignoring the matcher cache file .*scorer-.*\.json \(.+\); building the matcher instead$/,
      );
      expect(next.log).toEqual({ loads: 1, hits: 0, saves: 1 });
      expect(watched(dir, code).log.hits).toBe(0);
      const again = watched(dir, code);
      again.matcher();
      expect(again.log.hits).toBe(1);
      expect(again.warnings).toEqual([]);
    }
  });

  it("warns and rebuilds when a snapshot's weights file is gone or its parts do not fit together", () => {
    const dir = tempDir();
    const code = codeCopy();
    watched(dir, code).matcher();
    for (const weights of readdirSync(dir).filter((f) => f.endsWith(".f64"))) rmSync(path.join(dir, weights));
    const noWeights = watched(dir, code);
    expect(noWeights.matcher().match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
    expect(noWeights.warnings.join("\n")).toMatch(/trained weights .* are not in the cache/);

    // A vectoriser missing its features: the terms no longer find theirs.
    const [file] = snapshotFiles(dir);
    const snapshot = JSON.parse(readFileSync(path.join(dir, file!), "utf8")) as ScorerSnapshot;
    const cut = snapshot.vectoriser.names.length - 50;
    snapshot.vectoriser.names = snapshot.vectoriser.names.slice(0, cut);
    snapshot.vectoriser.groups = snapshot.vectoriser.groups.slice(0, cut);
    snapshot.vectoriser.weights = snapshot.vectoriser.weights.slice(0, cut);
    writeFileSync(path.join(dir, file!), JSON.stringify(snapshot));
    const inconsistent = watched(dir, code);
    expect(inconsistent.matcher().match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
    expect(inconsistent.warnings).toHaveLength(1);
    expect(inconsistent.warnings[0]).toMatch(/does not hang together|do not fit/);
  });

  it("never fails when the folder cannot be written: it only builds every time", () => {
    const blocker = path.join(tempDir(), "a-file");
    writeFileSync(blocker, "");
    const cache = watched(path.join(blocker, "cache"), codeCopy());
    expect(cache.matcher().match("relay stuck closed on port 2").playbook).toBe("relay-stuck-closed");
    expect(cache.warnings).toEqual([]);
  });

  it("cachedMatcher keeps one snapshot and one weights file per playbook set, and passes warnings to the caller", () => {
    const dir = tempDir();
    const warnings: string[] = [];
    cachedMatcher(realMatcher().playbooks, {}, dir, (m) => warnings.push(m)).warmUp?.();
    cachedMatcher(realMatcher().playbooks, {}, dir, (m) => warnings.push(m)).warmUp?.();
    expect(snapshotFiles(dir)).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith(".f64"))).toHaveLength(1);
    writeFileSync(path.join(dir, snapshotFiles(dir)[0]!), "{");
    cachedMatcher(realMatcher().playbooks, {}, dir, (m) => warnings.push(m)).warmUp?.();
    expect(warnings).toHaveLength(1);
  });
});

describe("Vectoriser state", () => {
  it("round-trips: a restored vectoriser gives the same vectors, IDF and names as the fitted one", () => {
    const docs = [
      ["relay", "stuck", "closed"],
      ["breaker", "trips", "relay"],
      ["screen", "text", "4.6.0.76"],
    ];
    const fitted = new Vectoriser();
    fitted.fitTransform(docs, [0, 1, 2], 3);
    const restored = Vectoriser.fromState(JSON.parse(JSON.stringify(fitted.exportState())));
    expect(restored).toBeDefined();
    expect(restored?.exportState()).toEqual(fitted.exportState());
    for (const terms of [...docs, ["relay", "stuck"], ["relya", "closed", "unseen"], []]) {
      expect(restored?.vectorise(terms)).toEqual(fitted.vectorise(terms));
    }
    expect(restored?.wordIdf("breaker")).toBe(fitted.wordIdf("breaker"));
  });

  it("refuses a state whose arrays disagree in length", () => {
    const fitted = new Vectoriser();
    fitted.fitTransform([["a", "bcd"]], [0], 1);
    const state = fitted.exportState();
    expect(Vectoriser.fromState({ ...state, weights: state.weights.slice(1) })).toBeUndefined();
  });
});
