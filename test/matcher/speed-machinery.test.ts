import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatedRuleFamilies } from "../../src/matcher/analyse-text.ts";
import { askedOutcomeGates } from "../../src/matcher/asked-outcome.ts";
import { askedPlanGates } from "../../src/matcher/asked-plan.ts";
import { intentCueGates } from "../../src/matcher/intent-cues.ts";
import { topSoftmax } from "../../src/matcher/lexical-scorer.ts";
import { notAskedFinders } from "../../src/matcher/neighbour-rules.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { outOfScopeTopics } from "../../src/matcher/out-of-scope-topics.ts";
import { settingAskedConcepts, settingAskedCues } from "../../src/matcher/setting-asked.ts";
import { softmax } from "../../src/matcher/softmax-regression.ts";
import { splitSentences } from "../../src/matcher/split-sentences.ts";
import { trainingExamples } from "../../src/matcher/training-examples.ts";
import { wordGates } from "../../src/matcher/word-gates.ts";
import { realMatcher } from "./real-matcher.ts";

const evalDir = fileURLToPath(new URL("../eval/", import.meta.url));

/** Every text the matcher reads words from: each eval line and its sentences, and every training text. */
function everyText(): string[] {
  const lines = readdirSync(evalDir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(`${evalDir}${f}`, "utf8").split(/\r?\n/))
    .filter((raw) => raw.trim().length > 0)
    .map((raw) => (JSON.parse(raw) as { text: string }).text);
  return [
    ...lines,
    ...lines.flatMap((line) => splitSentences(line)),
    ...trainingExamples(realMatcher().playbooks).map((e) => e.text),
    ...outOfScopeTopics.flatMap((t) => t.phrases),
  ];
}

describe("gates that spare the intent cues' tests (intent-cues.ts)", () => {
  it("a test fires only on words its gate lets through, on every eval line and training text", () => {
    const texts = everyText();
    expect(texts.length).toBeGreaterThan(10_000);
    const missed: string[] = [];
    let fired = 0;
    for (const text of texts) {
      const words = normaliseText(text).split(" ");
      for (const [test, needs] of intentCueGates) {
        if (!test(words)) continue;
        fired++;
        if (!words.some((w) => needs.has(w))) missed.push(`${test.name}: ${text}`);
      }
    }
    expect(missed).toEqual([]);
    // Every gated test fires somewhere, so none is checked on nothing.
    expect(fired).toBeGreaterThan(intentCueGates.length);
    for (const [test, needs] of intentCueGates) {
      expect(
        texts.some((t) => test(normaliseText(t).split(" "))),
        `${test.name} never fires (gate ${[...needs].slice(0, 5)})`,
      ).toBe(true);
    }
  });
});

describe("gates that spare the rules of asked outcomes and plans (asked-outcome.ts, asked-plan.ts)", () => {
  it.each([
    ["asked outcomes", askedOutcomeGates],
    ["asked plans", askedPlanGates],
  ] as const)(
    "each of the %s fires only on words its gate lets through, on every eval line and training text",
    (_, gates) => {
      expect(gates.every(([, needs]) => needs !== undefined)).toBe(true);
      const missed: string[] = [];
      let fired = 0;
      for (const text of everyText()) {
        const words = normaliseText(text).split(" ");
        for (const [says, needs] of gates) {
          if (!says(words)) continue;
          fired++;
          if (!words.some((w) => needs!.has(w))) missed.push(`${says.name}: ${text}`);
        }
      }
      expect(missed).toEqual([]);
      expect(fired).toBeGreaterThan(gates.length);
    },
  );
});

describe("gates that spare the rule families of the analysis (analyse-text.ts)", () => {
  it.each(Object.entries(gatedRuleFamilies))(
    "each of the %s with a gate fires only on words it lets through",
    (_, rules) => {
      const missed: string[] = [];
      for (const text of everyText()) {
        const words = normaliseText(text).split(" ");
        for (const [says, concept, , needs] of rules) {
          if (needs !== undefined && says(words) && !words.some((w) => needs.has(w)))
            missed.push(`${concept}: ${text}`);
        }
      }
      expect(missed).toEqual([]);
    },
  );
});

describe("the gate that spares the settings asked about (setting-asked.ts)", () => {
  it("fires only on words its gate lets through, on every eval line and training text", () => {
    const missed: string[] = [];
    let fired = 0;
    for (const text of everyText()) {
      const words = normaliseText(text).split(" ");
      if (settingAskedConcepts(words).length === 0) continue;
      fired++;
      if (!words.some((w) => settingAskedCues.has(w))) missed.push(text);
    }
    expect(missed).toEqual([]);
    expect(fired).toBeGreaterThan(0);
  });
});

describe("word gates", () => {
  it("opens the tests whose words the message has, and always those given none", () => {
    const open = wordGates([new Set(["card", "badge"]), undefined, new Set(["price"])]);
    expect(open(["the", "badge", "is", "lost"])).toBe(0b011);
    expect(open(["what", "price", "for", "a", "card"])).toBe(0b111);
    expect(open(["nothing", "here"])).toBe(0b010);
  });
});

describe("gates that spare the finders of words not asked (neighbour-rules.ts)", () => {
  it("a finder finds positions only in words its gate lets through, on every eval line and training text", () => {
    const missed: string[] = [];
    let found = 0;
    for (const text of everyText()) {
      const words = normaliseText(text).split(" ");
      for (const [positions, reason, needs] of notAskedFinders) {
        if (positions(words).length === 0) continue;
        found++;
        if (!words.some((w) => needs.has(w))) missed.push(`${reason}: ${text}`);
      }
    }
    expect(missed).toEqual([]);
    expect(found).toBeGreaterThan(notAskedFinders.length);
  });
});

/** The probabilities of the top `k` classes by sorting every class, as before the selection. */
function sortedTopSoftmax(logits: Float64Array, k: number): Float64Array {
  if (logits.length <= k) return softmax(logits);
  const order = Array.from(logits, (_, c) => c).sort((a, b) => logits[b]! - logits[a]! || a - b);
  const p = softmax(Float64Array.from(order.slice(0, k), (c) => logits[c]!));
  const out = new Float64Array(logits.length);
  order.slice(0, k).forEach((c, i) => {
    out[c] = p[i]!;
  });
  return out;
}

describe("the scorer's top-k softmax", () => {
  it("gives exactly what sorting every class gave, ties and all", () => {
    // Few distinct values make many ties, which the order must break by class number.
    const logit = fc.oneof(fc.double({ min: -20, max: 20, noNaN: true }), fc.constantFrom(-1, 0, 0.5, 3));
    fc.assert(
      fc.property(fc.array(logit, { minLength: 1, maxLength: 120 }), fc.integer({ min: 1, max: 60 }), (values, k) => {
        const logits = Float64Array.from(values);
        expect(Array.from(topSoftmax(logits, k))).toEqual(Array.from(sortedTopSoftmax(logits, k)));
      }),
      { numRuns: 3000 },
    );
  });
});
