import { describe, expect, it } from "vitest";
import { asksAboutTheBot } from "../../src/matcher/asks-about-the-bot.ts";
import { asksSitePower } from "../../src/matcher/asks-site-power.ts";
import { asksTravelOrExpense } from "../../src/matcher/asks-travel-expense.ts";
import { saysBilledMoreThanUsual } from "../../src/matcher/billed-more-than-usual.ts";
import { readIntentCues } from "../../src/matcher/intent-cues.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { topicWordsAsScene } from "../../src/matcher/topic-words-as-scene.ts";
import { realMatcher } from "./real-matcher.ts";

// The eleventh round of issue 13 (out-of-scope precision): in-scope lines that are vague or carry a word the
// out-of-scope model keys on, and out-of-scope lines that sound like an article (a building's own
// electricity, travel and expenses, an electricity retailer). None of these sentences is from an eval set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("the building's own electricity, with no station in it", () => {
  it.each([
    ["the copier room heater trips a breaker twice a day", true],
    ["lights in the stairwell keep flickering since monday", true],
    ["warehouse main panel is old, which electrician should we hire to replace it", true],
    ["fridge and toaster on the same circuit keep blowing the fuse", true],
    // A station, a port, a car or charging keeps the article's reading:
    ["the breaker trips when the microwave and both ports are in use", false],
    ["the station's lights are solid red and the breaker tripped", false],
    ["breaker trips when two cars charge at once", false],
    ["the panel has 80 amps to share between the chargers", false],
  ])("%j → %s", (text, expected) => {
    expect(asksSitePower(words(text))).toBe(expected);
  });

  it("declines a tripping appliance and names the kind", () => {
    const result = match("the vending machine in the lobby keeps tripping its breaker");
    expect(result.kind).toBe("no-match");
    expect(result.outOfScopeKind).toBe("adjacent-topic");
    expect(result.explanation.note).toContain("the building's own electricity");
  });

  it("keeps a breaker tripped by the chargers Circuit Sharing's", () => {
    expect(match("the breaker trips whenever both chargers run at once").playbook).toBe("circuit-sharing");
  });
});

describe("travel and expenses", () => {
  it.each([
    ["can we expense the motel for the commissioning trip", true],
    ["where do I send my hotel receipts from the site visit", true],
    ["is the airfare to the Austin install reimbursable", true],
    ["what is the mileage rate for the drive to the depot", true],
    ["who approves travel for the installers", true],
    ["can I put the parts on my corporate card", true],
    // A hotel or a rental car as the site or the driver, a driver's credit card as a payment:
    ["guests at the hotel can not start a session with their card", false],
    ["the rental car plugged in but got 0 kwh", false],
    ["the driver has no credit card on file and the station is paid", false],
    ["the breaker trips every night at 2am", false],
    // An access policy's word beside the hotel's guest (merge of the eleventh round's branches):
    ["a hotel guest was told access restricted and our policy is set to specific drivers", false],
  ])("%j → %s", (text, expected) => {
    expect(asksTravelOrExpense(words(text))).toBe(expected);
  });

  it("declines expensing a hotel though a receipt is Pricing Policy's word", () => {
    const result = match("can I submit the hotel receipts from the station install trip");
    expect(result.kind).toBe("no-match");
    expect(result.explanation.note).toContain("travel and expenses");
  });
});

describe("an electricity retailer or broker is the utility's tariff", () => {
  it("fires the utility tariff cue on an energy retailer's price", () => {
    expect(readIntentCues(words("our energy retailer offered a fixed price for two years"))).toContain("utilitytariff");
    expect(readIntentCues(words("the electricity broker wants us to sign by friday"))).toContain("utilitytariff");
  });
});

describe("vague complaints that can only be one article", () => {
  it.each([
    ["she was billed way more than usual", true],
    ["paid twice as much as last time for the same session", true],
    ["the fee is double what it was", true],
    ["it took way more than usual to charge", false],
    ["we have more than usual drivers this week", false],
  ])("%j billed more than usual → %s", (text, expected) => {
    expect(saysBilledMoreThanUsual(words(text))).toBe(expected);
  });

  it("offers Slow or Zero Energy for slow charging framed by who, where and when", () => {
    const result = match("charging is really slow on the upper deck, folks complaining all weekend");
    expect(result.kind).not.toBe("no-match");
    expect(result.playbook).toBe("slow-zero-energy");
  });

  it("answers Pricing Policy for a forwarded complaint of a bill above the usual", () => {
    const result = match("fwd from reception: a visitor says he got charged way more than normal for a short session");
    expect(result.playbook).toBe("pricing-policy");
  });

  it("reads a station gone silent beside one that checks in as Station Unreachable", () => {
    expect(match("the unit beside it checks in with the cloud, this one has gone silent").playbook).toBe(
      "station-unreachable",
    );
    expect(match("two of the garage chargers stopped showing online overnight").playbook).toBe("station-unreachable");
  });

  it("does not read a station that reports in as a request for a report", () => {
    expect(readIntentCues(words("every unit reports in every 15 minutes except bay 2"))).not.toContain("datarequest");
  });
});

describe("the bot itself", () => {
  it.each([
    ["why does the bot show the same answer twice", true],
    ["can the bot speak french", true],
    ["the bot told me to re-seat the SIM, the station is still unreachable", false],
    ["bot says relay stuck closed, do we replace the head", false],
  ])("%j → %s", (text, expected) => {
    expect(asksAboutTheBot(words(text))).toBe(expected);
  });

  it("declines a question about the bot's own cards though a card is the reader's word", () => {
    const result = match("was the bot changed? it sends me a different card than last week");
    expect(result.kind).toBe("no-match");
    expect(result.explanation.note).toContain("the bot itself");
  });
});

describe("the utility named as an outage's cause, and a station that did not come back", () => {
  it("drops the utility before an outage beside a station, and keeps it for its tariff", () => {
    expect(topicWordsAsScene(words("the utility outage took the chargers down")).size).toBe(1);
    expect(topicWordsAsScene(words("the utility raised its rate for the chargers")).size).toBe(0);
  });

  it("reads a station that never reconnected after an outage as Station Unreachable", () => {
    expect(match("since the utility blackout last night our two chargers have not reconnected").playbook).toBe(
      "station-unreachable",
    );
  });

  it("reads range a car barely gains as Slow or Zero Energy", () => {
    expect(match("the shuttle vans barely gain any range on our units overnight").playbook).toBe("slow-zero-energy");
  });

  it("reads a bill higher than another's as overcharged", () => {
    expect(saysBilledMoreThanUsual(words("my bill for the charger is higher than my neighbour's"))).toBe(true);
    expect(saysBilledMoreThanUsual(words("the rate on port 2 is higher than port 1"))).toBe(false);
  });
});

describe("saving on one's own power at home, and a parking permit", () => {
  it("reads the cheapest time to charge at home as the utility's tariff", () => {
    expect(readIntentCues(words("when is it cheapest to charge my car at home"))).toContain("utilitytariff");
    expect(readIntentCues(words("can drivers save money by charging off peak at our station"))).not.toContain(
      "utilitytariff",
    );
  });

  it("reads a parking permit for one's own car as the workplace's", () => {
    expect(readIntentCues(words("how do I get a parking permit for my new car"))).toContain("workplaceit");
  });
});
