import { describe, expect, it } from "vitest";
import { readIntentCues } from "../../src/matcher/intent-cues.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

const cues = (text: string) => readIntentCues(normaliseText(text).split(" "));

describe("intent cues: what a message asks to do", () => {
  it.each([
    "how much would a ct4020 run us",
    "what do spare cables cost",
    "a driver misplaced her fob and wants another one",
    "order a stack of extra badges for new hires",
  ])("%j asks to buy or order", (text) => {
    expect(cues(text)).toEqual(["purchase"]);
  });

  it("reads a quote for more hardware as buying it, and as a sales question that decides alone", () => {
    expect(cues("quote on three more pedestals")).toEqual(["purchase", "salesquote"]);
  });

  it.each([
    // A price drivers pay is the Pricing Policy article.
    "the price on the ct4020 is wrong for drivers",
    "how much is the energy rate per kwh at station 4",
    // A card that does not work is the card reader or access control.
    "new badge does not work on the station",
    "driver's replacement card gets access denied",
    "tapping the new fob does nothing",
    // Not a driver's card at all.
    "order a new sim card for the modem",
  ])("%j is not a purchase", (text) => {
    expect(cues(text)).toEqual([]);
  });

  it("planning a new installation is a cue; a new install that faults is a playbook's case", () => {
    expect(cues("which panel should feed the chargers on the new install")).toEqual(["newinstall"]);
    expect(cues("new install shows hardware fault on port 1")).toEqual([]);
    expect(cues("breaker trips on the new install")).toEqual([]);
  });
});

describe("intent cues against the domain word they share with a playbook", () => {
  const { matcher } = realMatcher();
  it.each([
    ["how much would a ct4020 run us", "adjacent-topic"],
    ["a driver misplaced her fob and wants another one", "adjacent-topic"],
    ["how many circuits does the new install need", "adjacent-topic"],
    ["my salary went into the wrong bank account", "adjacent-topic"],
    ["the invoice from chargepoint lists the wrong po number", "adjacent-topic"],
    ["can our abb chargers talk to the dashboard", "adjacent-topic"],
  ])("%j abstains as %s", (text, kind) => {
    expect(matcher.match(text)).toMatchObject({ kind: "no-match", outOfScopeKind: kind });
  });

  it.each([
    ["drivers are charged the wrong price on the ct4020", "pricing-policy"],
    ["new badge does not work, reader never beeps", "rfid-reader"],
    ["funds going to the wrong bank account", "flex-billing"],
    ["upgrade the ocpp station to the new software version", "firmware-upgrade"],
  ])("%j still finds its playbook", (text, playbook) => {
    expect(matcher.match(text).playbook).toBe(playbook);
  });

  it("the explanation says which intent was read", () => {
    const result = matcher.match("how much would a ct4020 run us");
    expect(result.explanation.synonyms).toContainEqual({ from: "asks to buy or order", to: "purchase" });
  });
});

describe("cues for account access and the chat tool", () => {
  it.each([
    ["can not log in to the dashboard since this morning", ["accountaccess"]],
    ["the portal keeps logging me out", ["accountaccess"]],
    ["mfa prompt never arrives", ["accountaccess"]],
    ["stop the bot pinging everyone in the channel", ["chattool"]],
    ["teams notification for every reply is too much", ["chattool"]],
  ])("%j reads as %j", (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it.each([
    // Every article starts by logging in; the station's Activation Password is Replace Hardware's.
    "log in to the dashboard and the station shows faulted",
    "activation password rejected for the new head",
    "visitors are locked out of the station by the access policy",
    // A maintenance team is not Microsoft Teams.
    "our field teams report the station is unavailable",
  ])("%j is none of them", (text) => {
    expect(cues(text)).toEqual([]);
  });
});
