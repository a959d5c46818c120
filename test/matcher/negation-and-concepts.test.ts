import { describe, expect, it } from "vitest";
import { analyseText } from "../../src/matcher/analyse-text.ts";
import { englishWords } from "../../src/matcher/english-words.ts";
import { applyNegationScope, authFreeConcept } from "../../src/matcher/negation-scope.ts";
import { asksForScreenWording } from "../../src/matcher/screen-wording.ts";
import { createSpellCorrector } from "../../src/matcher/spell-corrector.ts";
import { realMatcher } from "./real-matcher.ts";

describe("negation scope", () => {
  it.each([
    ["no card no app just plug in", ["no", authFreeConcept, "no", authFreeConcept, "just", "plug", "in"]],
    ["charge without tapping a badge", ["charge", "without", authFreeConcept]],
    ["drivers do not need to authenticate", ["drivers", "do", "not", authFreeConcept]],
    ["skip authentication", ["skip", authFreeConcept]],
    ["nobody has a chargepoint account", ["nobody", authFreeConcept]],
    ["without anyone tapping anything", ["without", authFreeConcept]],
    ["no juggling with fobs", ["no", authFreeConcept]],
    ["staff are tired of swiping badges", ["staff", "are", "tired", authFreeConcept]],
    ["avoid the app completely", ["avoid", authFreeConcept, "completely"]],
  ])("%j denies authentication", (text, expected) => {
    expect(applyNegationScope(text.split(" "))).toEqual(expected);
  });

  it.each([
    "station does not respond to the card",
    "sessions never start from a card tap",
    "no signal at the site",
    "no funds received",
    "card not working",
    "no card reader response",
    "works without the badge scanner",
  ])("%j keeps its words: the negation names the symptom", (text) => {
    expect(applyNegationScope(text.split(" "))).toEqual(text.split(" "));
  });

  it("a denied replacement drops the replacement word", () => {
    expect(applyNegationScope("nothing was replaced but the name flipped".split(" "))).toEqual(
      "nothing but the name flipped".split(" "),
    );
    expect(applyNegationScope("we never swapped the unit".split(" "))).toEqual(["we", "never", "the", "unit"]);
    expect(applyNegationScope("the head was replaced".split(" "))).toEqual("the head was replaced".split(" "));
  });

  it("triggers and messages read negation the same way", () => {
    const [concept] = analyseText(authFreeConcept).terms;
    for (const text of ["without any badge", "no card needed", "don't need to tap a fob"]) {
      expect(analyseText(text).terms, text).toContain(concept);
      expect(analyseText(text).terms, text).not.toContain("card");
    }
  });
});

describe("the matcher reads what a message means, not its loudest word", () => {
  const { matcher } = realMatcher();
  it.each([
    "fleet yard wants any vehicle that plugs in to get power, no badges",
    "open access charging for our dealership lot",
    "the bus depot does not want drivers to need an app or card",
  ])("%j is Just Charge, described by what it does", (text) => {
    expect(matcher.match(text).playbook).toBe("just-charge");
  });

  it("a card that does not beep is the card reader", () => {
    expect(matcher.match("card reader gives no beep at all when drivers tap").playbook).toBe("rfid-reader");
  });

  it("a denied replacement does not vouch for the hardware-replacement playbook", () => {
    const result = matcher.match("nothing was replaced but the station name changed to ChargePoint/Station");
    expect(result.playbook).toBe("station-unreachable");
  });

  it.each([
    ["stations at the motor pool should start on their own when a truck is connected", "just-charge"],
    ["our chargers are in a basement two floors down and go unreachable", "station-unreachable"],
    ["the map puts the station across the street from the clinic", "bad-pinpoint"],
    ["cars lined up for the port and the order got skipped", "waitlist"],
    ["ev connected for the whole shift and nothing gets into the battery", "slow-zero-energy"],
    ["could the units read 'Reserved for visitors' on the screen", "station-messages"],
  ])("%j is understood by what it describes (%s)", (text, playbook) => {
    expect(matcher.match(text).playbook).toBe(playbook);
  });

  it("a SIM card is the modem's, not a driver's card", () => {
    expect(matcher.match("reseat the sim card, cell reception is poor").playbook).toBe("station-unreachable");
  });
});

describe("the spelling corrector never turns an English word into another", () => {
  const vocabulary = new Map([
    ["bank", 3],
    ["closed", 2],
  ]);
  const corrector = createSpellCorrector(vocabulary);
  it("blank stays blank; a real typo is still fixed", () => {
    expect(englishWords().has("blank")).toBe(true);
    expect(corrector.correct("blank")).toBeUndefined();
    expect(corrector.correct("clsoed")).toBe("closed");
  });

  it("a phrase is fixed only where the slip is not an English word: 'got shipped' is not 'got skipped'", () => {
    const { matcher } = realMatcher();
    expect(matcher.match("the new head got shipped today").explanation.corrections ?? []).toEqual([]);
    expect(matcher.match("jst charge for the fleet").explanation.corrections).toContainEqual({
      from: "jst charge",
      to: "just charge",
    });
  });

  it("the real matcher does not read a blank screen as a bank", () => {
    const result = realMatcher().matcher.match("station screen is blank");
    expect(result.explanation.corrections ?? []).toEqual([]);
    expect(result.playbook).not.toBe("flex-billing");
  });
});

describe("an answer resting on one word is never sure", () => {
  const { matcher } = realMatcher();
  it.each(["card", "flex", "notification"])("%j alone is answered below 80%", (word) => {
    const result = matcher.match(word);
    expect(result.confidence).toBeLessThan(0.8);
  });

  it("a sentence whose words agree is still sure", () => {
    const result = matcher.match("waitlist notification never arrived for the driver in the queue");
    expect(result).toMatchObject({ kind: "match", playbook: "waitlist" });
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ["how do I connect a third-party charger over OCPP", "adjacent-topic"],
    ["my home flex charger keeps dropping off the wifi", "adjacent-topic"],
    ["slack notification settings for this channel", "adjacent-topic"],
  ])("%j shares a domain word but is out of scope (%s)", (text, kind) => {
    expect(matcher.match(text)).toMatchObject({ kind: "no-match", outOfScopeKind: kind });
  });
});

describe("wording asked for on a station screen", () => {
  const words = (text: string) => text.split(" ");
  it.each([
    ["can the chargers say lot closes at 9 on the display", false],
    ["we want them to read hello on their screens", false],
    ["get it to come up on the charger", true],
    // What a message is said to read, quoted, is its wording.
    ["the station message we set says waitlist available how do i change line 2", true],
  ])("%j is a request for wording (quoted: %s)", (text, quoted) => {
    expect(asksForScreenWording(words(text), quoted)).toBe(true);
  });

  it.each([
    ["the screen says unavailable", true],
    ["how to read the latest status on the display", false],
    ["can the driver read the card", false],
    ["app should show the station", false],
    ["the message says the station is unreachable", false],
    ["the error message says access denied", true],
  ])("%j reports or asks something else (quoted: %s)", (text, quoted) => {
    expect(asksForScreenWording(words(text), quoted)).toBe(false);
  });

  it("answers Station Messages when the message's quoted wording names another article", () => {
    const text = "our station message reads 'Join the waitlist at the front desk' - how do I edit the second line?";
    expect(realMatcher().matcher.match(text).playbook).toBe("station-messages");
  });
});
