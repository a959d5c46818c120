import { describe, expect, it } from "vitest";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { createSpellCorrector, slipDistance } from "../../src/matcher/spell-corrector.ts";
import { splitSentences } from "../../src/matcher/split-sentences.ts";
import { stemWord } from "../../src/matcher/stem-word.ts";
import { makePlaybook } from "./make-playbook.ts";
import { evalCases, realMatcher } from "./real-matcher.ts";

describe("when two playbooks fit equally well", () => {
  const matcher = createMatcher([
    makePlaybook("breaker-wiring", ["breaker keeps tripping", "breaker trips at night", "check breaker wiring"]),
    makePlaybook("breaker-rating", ["breaker keeps tripping", "breaker trips at night", "check breaker rating"]),
    makePlaybook("screen-text", ["change the screen text", "custom message on the display"]),
  ]);

  it("returns both so the bot can ask which one", () => {
    const result = matcher.match("breaker keeps tripping");
    expect(result.kind).toBe("ambiguous");
    expect([result.playbook, ...result.alternatives.map((a) => a.playbook)].sort()).toEqual([
      "breaker-rating",
      "breaker-wiring",
    ]);
  });

  it("still answers outright when the message tells them apart", () => {
    const result = matcher.match("breaker rating check");
    expect(result.kind).toBe("match");
    expect(result.playbook).toBe("breaker-rating");
  });
});

describe("explanations", () => {
  const { matcher } = realMatcher();

  it("names the matched terms, the spelling fixes and the synonyms it applied", () => {
    const typo = matcher.match("relay stuck clsoed");
    expect(typo.playbook).toBe("relay-stuck-closed");
    expect(typo.explanation.corrections).toContainEqual({ from: "clsoed", to: "closed" });
    expect(typo.explanation.terms).toContain("relay");

    const abbreviation = matcher.match("push fw to the ct4k");
    expect(abbreviation.playbook).toBe("firmware-upgrade");
    expect(abbreviation.explanation.synonyms?.map((s) => s.from)).toContain("fw");
  });

  it("says which dashboard feature an out-of-scope question is about", () => {
    const result = matcher.match("how do I set up the tax rule summary");
    expect(result.kind).toBe("no-match");
    expect(result.explanation.note).toMatch(/Tax Rules/);
  });

  it("knows Tax Rules live beside pricing, so a tax question that mentions pricing is still out of scope", () => {
    const result = matcher.match("which tax rules apply to the pricing at our stations");
    expect(result.kind).toBe("no-match");
    expect(result.explanation.note).toMatch(/Tax Rules/);
  });
});

describe("determinism", () => {
  it("two matchers built separately answer the whole eval set identically", () => {
    const { playbooks } = realMatcher();
    const a = createMatcher(playbooks);
    const b = createMatcher([...playbooks].reverse());
    for (const c of evalCases()) expect(JSON.stringify(b.match(c.text)), c.text).toBe(JSON.stringify(a.match(c.text)));
  });
});

describe("input that is not a question never throws", () => {
  const { matcher } = realMatcher();
  const odd = [
    "",
    "   ",
    "🔌⚡👍",
    "<@U012ABC>",
    "@cpbot",
    "!!!???",
    "\u0000\u0001",
    "x".repeat(100_000),
    `s${"t".repeat(5_000)}`,
  ];
  for (const text of odd) {
    it(`${JSON.stringify(text.slice(0, 20))}${text.length > 20 ? "…" : ""} → no-match`, () => {
      const result = matcher.match(text);
      expect(result.kind).toBe("no-match");
      expect(result.playbook).toBeNull();
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    });
  }

  it("reads only the start of a huge message and says so", () => {
    const result = matcher.match(`relay stuck closed on port 1. ${"lorem ipsum ".repeat(10_000)}`);
    expect(result.playbook).toBe("relay-stuck-closed");
    expect(result.explanation.note).toMatch(/read the first \d+ of \d+ characters/);
  });

  it("a catalogue with no playbooks abstains on everything", () => {
    expect(createMatcher([]).match("relay stuck closed").kind).toBe("no-match");
  });
});

describe("product names and phrases typed with a slip", () => {
  const { matcher } = realMatcher();

  it("does not read the generic word 'charge' as the Just Charge feature", () => {
    const vague = matcher.match("driver cannot charge");
    expect(vague.kind === "match" && vague.playbook === "just-charge").toBe(false);
    const named = matcher.match("enable just charge on the station");
    expect(named.playbook).toBe("just-charge");
    expect(named.explanation.synonyms).toContainEqual({ from: "just charge", to: "justcharge" });
  });

  it("recognises a known phrase with one slip in a short word, and says so", () => {
    const result = matcher.match("jst charge not available for this org");
    expect(result.playbook).toBe("just-charge");
    expect(result.explanation.corrections).toContainEqual({ from: "jst charge", to: "just charge" });
  });

  it("also recognises a table's own canonical phrases typed with a slip", () => {
    const result = matcher.match("erth fault on port 2");
    expect(result.playbook).toBe("earth-ground-fault");
    expect(result.explanation.corrections).toContainEqual({ from: "erth fault", to: "earth fault" });
  });

  it("leaves a phrase that differs by more than one slip alone", () => {
    const result = matcher.match("jxt chxrge");
    expect(result.explanation.corrections ?? []).not.toContainEqual(expect.objectContaining({ to: "just charge" }));
  });
});

describe("stemming adverbs", () => {
  it("reads an adverb as its adjective, but leaves -ply and -ily words alone", () => {
    expect(stemWord("slowly")).toBe(stemWord("slow"));
    expect(stemWord("intermittently")).toBe(stemWord("intermittent"));
    expect(stemWord("incorrectly")).toBe(stemWord("incorrect"));
    expect(stemWord("apply")).toBe("apply");
    expect(stemWord("family")).toBe("family");
  });
});

describe("spelling correction in context", () => {
  it("among equally close words, prefers one that forms a known pair with a neighbour", () => {
    const corrector = createSpellCorrector(
      new Map([
        ["cloud", 10],
        ["closed", 1],
      ]),
      5,
      new Set(["stuck closed"]),
    );
    expect(corrector.correct("closd")).toBe("cloud");
    expect(corrector.correct("closd", { before: "stuck" })).toBe("closed");
    expect(corrector.correct("closd", { before: "portal" })).toBe("cloud");
  });

  it("fixes a typo by its neighbours in a real message", () => {
    const { matcher } = realMatcher();
    expect(matcher.match("relay stuck closd").explanation.corrections).toContainEqual({ from: "closd", to: "closed" });
  });
});

describe("the two senses of 'charged'", () => {
  const { matcher } = realMatcher();

  it("reads a person charged as billed, and a vehicle or battery charged as charging", () => {
    expect(matcher.match("driver was charged twice").explanation.synonyms).toContainEqual({
      from: "charged twice",
      to: "overcharged",
    });
    const energy = matcher.match("cars barely charged, hardly any kwh on the session");
    expect(energy.explanation.synonyms?.map((s) => s.to)).not.toContain("billed");
    expect(energy.playbook).toBe("slow-zero-energy");
  });
});

describe("chat filler", () => {
  const { matcher } = realMatcher();

  it("ticket numbers, sign-offs and hedges do not dilute a message", () => {
    const bare = matcher.match("relay stuck closed on port 1");
    const chatty = matcher.match(
      "ticket 4471: seems relay stuck closed on port 1 since yesterday, please advise. cheers",
    );
    expect(chatty.playbook).toBe("relay-stuck-closed");
    expect(chatty.confidence).toBeCloseTo(bare.confidence, 6);
  });

  it("reads contractions typed without the apostrophe like the real ones", () => {
    expect(normaliseText("driver cant join, app doesnt work")).toBe(
      normaliseText("driver can't join, app doesn't work"),
    );
  });
});

describe("support vocabulary", () => {
  const { matcher } = realMatcher();

  it("keeps a phrase whose meaning rests on a stopword whole ('no power' is zero energy)", () => {
    const result = matcher.match("the ev gets no power at all");
    expect(result.explanation.synonyms).toContainEqual({ from: "no power", to: "zero energy" });
    expect(result.playbook).toBe("slow-zero-energy");
  });

  it("reads wanting the screen to say something as a station message, but not a screen that says something", () => {
    const wish = matcher.match("can we get the display to show our opening hours");
    expect(wish.explanation.synonyms).toContainEqual({ from: "display to show", to: "station message" });
    expect(wish.playbook).toBe("station-messages");
    const report = matcher.match("screen says access denied");
    expect(report.explanation.synonyms?.map((s) => s.to) ?? []).not.toContain("station message");
  });

  it("reads the NOC shorthand stn as station", () => {
    expect(matcher.match("stn lost comms").explanation.synonyms).toContainEqual({ from: "stn", to: "station" });
  });

  it("reads cost and tariff as price", () => {
    expect(matcher.match("tariff on this charger looks wrong").playbook).toBe("pricing-policy");
    expect(matcher.match("parking here costs too much").explanation.synonyms).toContainEqual({
      from: "costs too much",
      to: "overcharged",
    });
  });
});

describe("doubled-letter slips", () => {
  it("counts a letter doubled in the wrong place as one slip", () => {
    expect(slipDistance("tarrif", "tariff", 1)).toBe(1);
    expect(slipDistance("comision", "commission", 2)).toBe(1);
    expect(slipDistance("trip", "tripe", 1)).toBe(1);
    expect(slipDistance("rates", "ratio", 1)).toBeGreaterThan(1);
    const corrector = createSpellCorrector(new Map([["tariff", 1]]));
    expect(corrector.correct("tarrif")).toBe("tariff");
  });
});

describe("quoted text", () => {
  it("is never split into sentences, and apostrophes are not quotes", () => {
    expect(
      splitSentences("Host wants the screen to read 'Staff only - 2 hr max. Thanks'. The driver's card isn't it"),
    ).toEqual(["Host wants the screen to read 'Staff only - 2 hr max. Thanks'.", "The driver's card isn't it"]);
  });

  it("does not count its unknown words against the message", () => {
    const { matcher } = realMatcher();
    const quoted = matcher.match('put a notice on the station screen: "Visitors welcome, register at reception"');
    const plain = matcher.match("put a notice on the station screen: Visitors welcome, register at reception");
    expect(quoted.playbook).toBe("station-messages");
    expect(quoted.confidence).toBeGreaterThan(plain.confidence);
  });
});
