import fc from "fast-check";
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { compareIds } from "../../src/matcher/compare-ids.ts";
import { editDistance } from "../../src/matcher/edit-distance.ts";
import { isRegularForm, sameWordAs } from "../../src/matcher/english-forms.ts";
import { englishWords } from "../../src/matcher/english-words.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { allowedEdits, createSpellCorrector, slipDistance } from "../../src/matcher/spell-corrector.ts";
import { realMatcher } from "./real-matcher.ts";

/** The textbook table, allocated afresh: what the reused-row version must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, () => i));
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom(..."abcdeilnorst"), maxLength: 40 });

describe("edit distance with reused rows", () => {
  it("agrees with the textbook table, and with `max` says only whether the distance is over it", () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const exact = referenceDistance(a, b);
        expect(editDistance(a, b)).toBe(exact);
        const bounded = editDistance(a, b, max);
        expect(bounded <= max ? bounded : "over").toBe(exact <= max ? exact : "over");
      }),
      { numRuns: 2000 },
    );
  });

  it("counts a transposition as one edit, also after a longer word grew the rows", () => {
    expect(editDistance("x".repeat(200), "y".repeat(200))).toBe(200);
    expect(editDistance("clsoed", "closed")).toBe(1);
    expect(editDistance("wiatlist", "waitlist", 1)).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
});

/**
 * The corrector before its short cut: fuse.js proposes up to 12 words of the bucket and the closest
 * acceptable one wins. The short cut skips the search when no bucket word is close enough; answers must
 * be the same for every word.
 */
function fuseOnlyCorrector(vocabulary: ReadonlyMap<string, number>, pairs: ReadonlySet<string>) {
  const words = [...vocabulary.keys()].sort().filter((w) => w.length >= 4 && !/\d/.test(w));
  const fuses = new Map<string, Fuse<string>>();
  return (typo: string, before?: string): string | undefined => {
    if (typo.length < 5 || typo.length > 24 || /\d/.test(typo) || vocabulary.has(typo)) return undefined;
    if (englishWords().has(typo)) return undefined;
    const letter = typo[0]!;
    if (!fuses.has(letter)) {
      const bucket = words.filter((w) => w[0] === letter);
      fuses.set(
        letter,
        new Fuse(bucket, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true }),
      );
    }
    const max = allowedEdits(typo.length);
    // A regular form of an English word is only ever its own singular or the guide's spelling.
    const form = isRegularForm(typo, englishWords());
    let best: { word: string; distance: number; fit: boolean; count: number } | undefined;
    for (const { item } of fuses.get(letter)!.search(typo, { limit: 12 })) {
      const distance = slipDistance(typo, item, max);
      if (distance > max) continue;
      if (form && !sameWordAs(typo, item)) continue;
      const fit = before !== undefined && pairs.has(`${before} ${item}`);
      const count = vocabulary.get(item) ?? 0;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (fit !== best.fit ? fit : count > best.count || (count === best.count && item < best.word)))
      )
        best = { word: item, distance, fit, count };
    }
    return best?.word;
  };
}

describe("the spelling corrector's short cut", () => {
  // A vocabulary like the real one: every word of the real playbooks' triggers, counted.
  const vocabulary = new Map<string, number>();
  for (const playbook of realMatcher().playbooks) {
    for (const text of [...playbook.triggers.phrases, ...playbook.triggers.keywords, playbook.title]) {
      for (const w of normaliseText(text).split(" ")) if (w) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    }
  }
  const known = [...vocabulary.keys()].filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
  const pairs = new Set(["stuck closed", "relay stuck"]);
  const corrector = createSpellCorrector(vocabulary, 5, pairs);
  const reference = fuseOnlyCorrector(vocabulary, pairs);

  /** A known word with up to three random slips: deleted, doubled, swapped or replaced letters. */
  const typo = fc
    .tuple(
      fc.constantFrom(...known),
      fc.array(
        fc.tuple(fc.nat(), fc.constantFrom("delete", "double", "swap", "replace"), fc.constantFrom(..."aeioqxz")),
        {
          maxLength: 3,
        },
      ),
    )
    .map(([w, slips]) =>
      slips.reduce((s, [at, how, letter]) => {
        const i = 1 + (at % Math.max(1, s.length - 1));
        if (how === "delete") return s.slice(0, i) + s.slice(i + 1);
        if (how === "double") return s.slice(0, i) + s[i - 1] + s.slice(i);
        if (how === "swap") return s.slice(0, i - 1) + (s[i] ?? "") + s[i - 1] + s.slice(i + 1);
        return s.slice(0, i) + letter + s.slice(i + 1);
      }, w),
    );

  it("answers every typo of a domain word as the full search does", () => {
    fc.assert(
      fc.property(typo, fc.constantFrom(undefined, "stuck", "relay"), (t, before) => {
        expect(corrector.correct(t, { before })).toBe(reference(t, before));
      }),
      { numRuns: 3000 },
    );
  });

  it("answers words far from the vocabulary (names, pasted ids) as the full search does: not at all", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"), minLength: 5, maxLength: 26 }),
        (w) => {
          expect(corrector.correct(w)).toBe(reference(w));
        },
      ),
      { numRuns: 3000 },
    );
    expect(corrector.correct("clsoed", { before: "stuck" })).toBe(reference("clsoed", "stuck"));
  });
});

describe("comparing ids without ICU", () => {
  it("orders every pair of strings as localeCompare does, plain ids or not", () => {
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."abcxyz019-"), maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(..."ABCXYZ019-"), maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(..."aAbBzZ0-_ éÉ."), maxLength: 12 }),
    );
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
    expect(compareIds("303-RSC", "18")).toBeGreaterThan(0);
    expect(compareIds("abc", "ABC")).toBe(Math.sign("abc".localeCompare("ABC")));
  });
});

describe("normalising words an object inherits", () => {
  it("keeps constructor, toString and __proto__ as the words they are", () => {
    expect(normaliseText("the constructor says hello")).toBe("the constructor says hello");
    expect(normaliseText("toString valueOf hasOwnProperty")).toBe("tostring valueof hasownproperty");
    expect(normaliseText("authorised __proto__")).toBe("authorized proto");
  });
});
