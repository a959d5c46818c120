import { describe, expect, it } from "vitest";
import { asksForSales, asksWarrantyOrReturn } from "../../src/matcher/asks-sales-or-warranty.ts";
import {
  asksAboutReviews,
  asksCompanyWorkplace,
  asksParkingEnforcement,
  asksUtilityTariff,
  asksVehicleItself,
} from "../../src/matcher/asks-site-or-company.ts";
import { asksToIntegrate } from "../../src/matcher/asks-to-integrate.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The eighth round of issue 13: out-of-scope questions by kind (sales, warranty, the utility, the car,
// parking enforcement, reviews, the company's own workplace), each with in-scope twins that must still be
// answered. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("sales, quotes, contracts and procurement", () => {
  it.each([
    ["could we get a quote for eight more pedestal units", true],
    ["quote request: CPF50s for the west campus", true],
    ["is there a distributor in Ireland", true],
    ["accounts payable needs your vendor form before the purchase order", true],
    ["customer quote: the screen is blank", false],
    ["the driver quotes a price of $4 for the session", false],
    ["the pricing rule for the garage charges $0.30/kWh", false],
    // A sales team is the seller's only when someone reaches it or buys through it; a site's own is staff.
    ["can you put me in contact with your sales team about the DC units", true],
    ["our showroom sales team keeps unplugging the demo cars at lunch", false],
  ])("%j → %s", (text, expected) => {
    expect(asksForSales(words(text))).toBe(expected);
  });

  it("abstains as an adjacent topic, while a price drivers pay is still Pricing Policy's", () => {
    const oos = match("please send a formal quote for 6 dual port chargers and installation at the hotel");
    expect(oos.kind).toBe("no-match");
    expect(oos.outOfScopeKind).toBe("adjacent-topic");
    expect(oos.explanation.note).toContain("sales, quotes, contracts and procurement");
    expect(match("drivers were charged $6 an hour instead of the $2 in our pricing rule").playbook).toBe(
      "pricing-policy",
    );
  });
});

describe("warranty claims and returns (RMA)", () => {
  it.each([
    ["what is the RMA status for the head we shipped", true],
    ["is a cracked screen covered by the warranty", true],
    ["how do we ship the broken unit back", true],
    ["RMA unit is mounted, how do I move the old record to it", false],
    ["the warranty replacement is installed, where do I enter its MAC", false],
  ])("%j → %s", (text, expected) => {
    expect(asksWarrantyOrReturn(words(text))).toBe(expected);
  });

  it("abstains on a claim, and a unit that came back under warranty is still set up by Replace Hardware", () => {
    expect(match("how long does a warranty claim for a station head take").kind).toBe("no-match");
    expect(match("RMA head mounted today, how do I activate it in place of the old one").playbook).toBe(
      "replace-hardware",
    );
  });
});

describe("the site and the company around the stations", () => {
  it.each([
    [asksUtilityTariff, "the utility put us on a new tariff", true],
    [asksUtilityTariff, "our electricity bill doubled since summer", true],
    [asksUtilityTariff, "drivers pay more than the utility tariff in our pricing rule", false],
    // A driver group's tariff is the price its drivers pay: Pricing Policy's.
    [asksUtilityTariff, "which tariff do members of the staff group get on the garage ports", false],
    // The utility's work as the scene of a station's sign: the sign's article, not a tariff question.
    [asksUtilityTariff, "after the utility crew replaced the meter the unit's light blinks amber", false],
    [asksVehicleItself, "her car shows a tire pressure warning", true],
    [asksVehicleItself, "the 12v battery of the van died on port 2", false],
    [asksParkingEnforcement, "can we tow trucks that park in the EV spaces", true],
    [asksParkingEnforcement, "a gas car keeps parking in the charger spot", true],
    [asksParkingEnforcement, "can we add an overstay fee so people move their car", false],
    [asksParkingEnforcement, "opened ticket 4410 about the parking garage chargers", false],
    [asksAboutReviews, "someone gave us a one star review on google", true],
    [asksAboutReviews, "review the session list for port 1", false],
    [asksCompanyWorkplace, "the gate badge reader at the loading dock is stuck", true],
    [asksCompanyWorkplace, "how do I get a new laptop from IT", true],
    [asksCompanyWorkplace, "drivers end up at the shop next door instead of our lot", false],
    [asksCompanyWorkplace, "the station by the cafeteria does not read cards", false],
  ] as const)("%o %j → %s", (asks, text, expected) => {
    expect(asks(words(text))).toBe(expected);
  });

  it.each([
    "PG&E raised our tariff, is there a cheaper plan for the building",
    "the driver's car has a check engine light",
    "who do we call to tow a car blocking the charger",
    "how do we answer a bad app store review",
    "the turnstile card reader in the lobby rejects my badge",
  ])("%j abstains as an adjacent topic", (text) => {
    const result = match(text);
    expect(result.kind).toBe("no-match");
    expect(result.outOfScopeKind).toBe("adjacent-topic");
  });

  it.each([
    [asksCompanyWorkplace, "the support queue is slow today", true],
    [asksCompanyWorkplace, "can someone cover my on-call next week", true],
    [asksCompanyWorkplace, "the lunch line is long", true],
    [asksCompanyWorkplace, "support ticket: the customer waited in the queue and never got her turn", false],
    [asksCompanyWorkplace, "the new hires got the connection code from HR", false],
    [asksForSales, "do you guys sell spare holsters", true],
    [asksForSales, "we sell charging at 25 cents per kWh", false],
    [asksForSales, "our account manager says flex billing is pending", false],
    [asksWarrantyOrReturn, "can we rent loaner chargers while ours are away", true],
    [asksWarrantyOrReturn, "the dealer's loaners need charging at night", false],
    [asksWarrantyOrReturn, "return the old head before activating the new one", false],
    [asksParkingEnforcement, "a tow truck backed into the cable", false],
    // A review whose reason is the map showing the site elsewhere is Bad PinPoint's complaint (eleventh round).
    [asksAboutReviews, "a bad review says the app shows us in the wrong city", false],
    [asksAboutReviews, "a bad review on the app store about our chargers", true],
  ] as const)("%o %j → %s", (asks, text, expected) => {
    expect(asks(words(text))).toBe(expected);
  });

  it("keeps the articles' twins: a card the station ignores, an overstay fee, a car that got nothing", () => {
    expect(match("the charger by the lobby ignores every card tap, no beep").playbook).toBe("rfid-reader");
    expect(match("we want an overstay fee for cars left after charging").playbook).toBe("pricing-policy");
    expect(match("the van sat on port 2 all night and got 0 kWh").playbook).toBe("slow-zero-energy");
    // A review that names the symptom is that symptom's article; a tow truck that pulled a cable is Breakaway's.
    expect(match("people post bad reviews since the app shows our station in another town").playbook).toBe(
      "bad-pinpoint",
    );
    expect(match("a tow truck snagged the charging cable and tore it off the station").playbook).toBe("breakaway");
  });
});

describe("an interface is not the rest of something", () => {
  it.each([
    ["can we pull sessions over a REST endpoint", true],
    ["the rest of our sites are fine", false],
  ])("%j → %s", (text, expected) => {
    expect(asksToIntegrate(words(text))).toBe(expected);
  });
});
