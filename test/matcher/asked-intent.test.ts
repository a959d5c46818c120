import { describe, expect, it } from "vitest";
import { saysChargedRepeatedly } from "../../src/matcher/charged-repeatedly.ts";
import { decideMatch, defaultPolicy } from "../../src/matcher/decide-match.ts";
import { readIntentCues } from "../../src/matcher/intent-cues.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

const words = (text: string) => normaliseText(text).split(" ");
const cues = (text: string) => readIntentCues(words(text));

describe("asking for what no article gives: a document or a file of data, whatever its subject", () => {
  it.each([
    ["changelog for the new station build", ["docrequest"]],
    ["spec sheet for the cpf50 please", ["docrequest"]],
    ["how many years will the pedestal last outdoors", ["docrequest"]],
    ["export every driver in the group to a spreadsheet", ["datarequest"]],
    ["kwh totals by site for 2024", ["datarequest"]],
    ["a list of all stations still on 4.6.0.60", ["datarequest"]],
    ["audit trail of who edited the access policy", ["datarequest"]],
    ["is there a user manual pdf for drivers", ["docrequest"]],
    ["what's new in the 2023.03 release", ["docrequest"]],
  ])("%j reads as %j", (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it.each([
    // Data or a document in hand because something is wrong is the symptom's article.
    "exported the sessions to csv and port 2 shows zero kwh",
    "the spec sheet says 9.6 kw but it only gives 3",
    // How long a fault or a reboot lasts is no product's life.
    "how long does the reboot take to finish",
    // An audit of the customer's own is no log, and the guide's own PDFs are Flex Billing's.
    "they want every station on the same software before their audit",
    "the financial report pdf for march is blank",
  ])("%j is not a request", (text) => {
    expect(cues(text).filter((c) => c === "docrequest" || c === "datarequest")).toEqual([]);
  });

  const { matcher } = realMatcher();
  it.each([
    "patch notes for firmware 4.6.0.80",
    "need a spreadsheet of all card taps at the garage since january",
    "what is the life expectancy of the charging cable",
  ])("%j abstains even though its subject is an article's", (text) => {
    expect(matcher.match(text)).toMatchObject({ kind: "no-match", playbook: null });
  });

  it.each([
    ["the csv export shows zero energy for every session on port 1", "slow-zero-energy"],
    ["the ct4020 is still on old firmware, how do I push the new version", "firmware-upgrade"],
  ])("%j, a twin with a symptom or a task, keeps its playbook", (text, playbook) => {
    expect(matcher.match(text).playbook).toBe(playbook);
  });
});

describe("buying stations and a telephone line are not the articles' subjects", () => {
  const { matcher } = realMatcher();
  it.each([
    "should we buy two more ct4020s for the new lot",
    "what would it cost to install 6 chargers at the warehouse",
  ])("%j asks to buy", (text) => {
    expect(cues(text)).toContain("purchase");
    expect(matcher.match(text).kind).toBe("no-match");
  });

  it.each([
    "station is out of order, screen says unavailable",
    "the chargers we bought last year keep faulting",
    // "Order" as a sequence.
    "drivers waiting for the ports and the order got mixed up",
  ])("%j is a station's trouble, not an order", (text) => {
    expect(cues(text)).not.toContain("purchase");
  });

  it("the support line is a telephone's; the line at the chargers is the Waitlist's", () => {
    expect(matcher.match("is the help line open on sundays").kind).toBe("no-match");
    expect(matcher.match("she was next in line but never got her turn").playbook).toBe("waitlist");
  });
});

describe("charged more than once for a session", () => {
  it.each([
    "the app charged him 2 times for one session",
    "driver got billed twice for a single charge",
    "she was charged more than once",
  ])("%j is read as overcharged", (text) => {
    expect(saysChargedRepeatedly(words(text))).toBe(true);
  });

  it.each(["the car charged again after the reboot", "we were billed twice for the cloud plan subscription"])(
    "%j is not",
    (text) => {
      expect(saysChargedRepeatedly(words(text))).toBe(false);
    },
  );

  it("a driver's app named beside the count does not make it an app-account question", () => {
    const result = realMatcher().matcher.match("driver says the app charged her 4 times for the same session");
    expect(result).toMatchObject({ kind: "match", playbook: "pricing-policy" });
  });
});

describe("shop talk for the articles' symptoms", () => {
  const { matcher } = realMatcher();
  it.each([
    ["EGF on port 1", "earth-ground-fault"],
    ["zero juice out of the left port", "slow-zero-energy"],
    ["no bars where the unit is mounted", "station-unreachable"],
    ["the unit is disconnecting from the network at night", "station-unreachable"],
  ])("%j finds %s", (text, playbook) => {
    expect(matcher.match(text).playbook).toBe(playbook);
  });

  it("an office VPN that keeps disconnecting is not a station", () => {
    expect(matcher.match("my vpn keeps disconnecting").kind).toBe("no-match");
  });
});

describe("three articles sharing a symptom", () => {
  const c = (playbook: string, confidence: number) => ({ playbook, confidence });
  it("split three ways under the threshold, they are asked about together", () => {
    const decision = decideMatch([c("a", 0.1), c("b", 0.095), c("c", 0.09), c("d", 0.01)], defaultPolicy, false);
    expect(decision).toMatchObject({ kind: "ambiguous", playbook: "a" });
    expect(decision.alternatives.map((x) => x.playbook)).toEqual(["b", "c"]);
  });

  it("too little evidence even together is still no match", () => {
    const decision = decideMatch([c("a", 0.09), c("b", 0.08), c("c", 0.07)], defaultPolicy, false);
    expect(decision.kind).toBe("no-match");
  });
});

describe("building on the network, a driver's privacy, the utility's bill and towing", () => {
  const { matcher } = realMatcher();
  it.each([
    ["a webhook for every new session", "integration"],
    ["can our erp integrate with the chargepoint platform", "integration"],
    ["she wants her personal data erased under gdpr", "appaccount"],
    ["a driver wants to close his account for good", "appaccount"],
  ])("%j reads as %s", (text, cue) => {
    expect(cues(text)).toContain(cue);
  });

  it.each([
    // A Linked Driver Account on a station is Multifamily's; integrating a station's parts is no system.
    "delete the linked driver account from the condo station",
    "the api info tab shows the station unreachable since monday",
  ])("%j is not a request no article serves", (text) => {
    const read = cues(text);
    expect(read).not.toContain("appaccount");
    expect(read).not.toContain("integration");
  });

  it.each([
    "is there a sessions api so firmware upgrades can be scripted",
    "the power company's demand charges doubled this quarter",
    "who do we call to tow a gas car out of the charging spot",
  ])("%j abstains", (text) => {
    expect(matcher.match(text).kind).toBe("no-match");
  });

  it("payments not reaching the owner's bank are Flex Billing's", () => {
    expect(matcher.match("driver payments never reached our bank this month").playbook).toBe("flex-billing");
  });
});
