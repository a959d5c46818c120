import { describe, expect, it } from "vitest";
import { cardActions } from "../../src/cards/card-actions.ts";
import type { Button } from "../../src/cards/card-schema.ts";
import { pressByWords } from "../../src/engine/press-by-words.ts";
import { isGibberish, readDialogue } from "../../src/engine/read-dialogue.ts";

describe("readDialogue", () => {
  it.each([
    ["ok", "affirm"],
    ["Logged in.", "affirm"],
    ["ok, done", "affirm"],
    ["it worked!", "fixed"],
    ["Still faulted", "not-fixed"],
    ["didn’t help", "not-fixed"],
    ["go back", "back"],
    ["thanks!", "thanks"],
    ["Are you a bot?", "bot"],
    ["asdfghjkl", "gibberish"],
    ["asdf qwerty", "gibberish"],
    ["zxcv", "gibberish"],
  ])("%s → %s", (text, intent) => {
    expect(readDialogue(text)).toBe(intent);
  });

  it("leaves questions alone, greeting in front or not", () => {
    expect(readDialogue("hi, my station shows 303-RSC")).toBeUndefined();
    expect(readDialogue("still faulted after replacing the cable on port 2 yesterday")).toBeUndefined();
    expect(isGibberish("CPF-6")).toBe(false);
    // Short real words are not keyboard runs.
    expect(isGibberish("asked query")).toBe(false);
  });
});

describe("pressByWords", () => {
  const b = (label: string, action: string): Button => ({ label, action });
  const step = [
    b("Cleared (Available)", cardActions.walkChoose),
    b("Still OUT_OF_SERVICE", cardActions.walkChoose),
    b("Back", cardActions.walkBack),
    b("Skip", cardActions.walkSkip),
  ];

  it("presses a button whose label is typed, with or without its bracketed explanation", () => {
    expect(pressByWords(step, "skip", readDialogue("skip"))?.label).toBe("Skip");
    expect(pressByWords(step, "cleared", undefined)?.label).toBe("Cleared (Available)");
  });

  it("maps outcome words onto the options that say the same, and does not pick for a bare ok", () => {
    expect(pressByWords(step, "it cleared", "fixed")?.label).toBe("Cleared (Available)");
    expect(pressByWords(step, "still faulted", "not-fixed")?.label).toBe("Still OUT_OF_SERVICE");
    expect(pressByWords(step, "ok", "affirm")).toBeUndefined();
  });
});
