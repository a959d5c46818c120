import { describe, expect, it } from "vitest";
import {
  askedPlans,
  asksBankingApproval,
  asksHowCodeHandedOut,
  asksHowRevenuePaid,
  asksPeopleIntoGroup,
  namesAlwaysOnMode,
  plansPriceByTime,
  plansScreenNotice,
  plansSoftwareRollout,
  plansWhoMayCharge,
  quotesPriceForTime,
  saysBilledPastFull,
  saysStationMoved,
  saysTurnTaken,
} from "../../src/matcher/asked-plan.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// The ninth round of issue 13: an article asked as a plan or a decision in the task's words. Each rule with
// look-alikes that must keep their old reading. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;

describe("a patch or rollout for the stations (Firmware Upgrade)", () => {
  it.each([
    ["can the patch go to the lobby chargers on sunday", true],
    ["start the rollout on every CP6K in the region", true],
    ["we patched the asphalt next to the chargers", false],
    ["patch the office wifi before the chargers open", false],
    ["a patch cable for the station's network port", false],
    ["push the update to the garage chargers at 11pm instead", true],
    ["upgrade every unit at the depot this weekend", true],
    ["update the address of all stations tonight", false],
    ["update the banner on the chargers tonight", false],
  ])("%j → %s", (text, expected) => {
    expect(plansSoftwareRollout(words(text))).toBe(expected);
  });

  it("answers Firmware Upgrade without the word firmware or update", () => {
    expect(answer("when should the patch go out to the airport units")).toBe("firmware-upgrade");
  });
});

describe("a notice put on the stations' screens (Station Messages)", () => {
  it.each([
    ["put a banner on the chargers about the parade", true],
    ["we want to announce the closure on all stations", true],
    ["could the displays tell drivers the lot closes early", true],
    ["a printed sign on the chargers pointing to the exit", false],
    ["the sign up link for the chargers is broken", false],
    ["marketing wants a banner on our website about the chargers", false],
  ])("%j → %s", (text, expected) => {
    expect(plansScreenNotice(words(text))).toBe(expected);
  });

  it("answers Station Messages for a banner on the chargers", () => {
    expect(answer("can we get a banner on the garage chargers for the marathon road closures")).toBe(
      "station-messages",
    );
  });
});

describe("plans and decisions of the other articles", () => {
  it.each([
    [asksBankingApproval, "how long does approval of the banking form take", true],
    [asksBankingApproval, "the bank details for our refund were approved", false],
    [plansPriceByTime, "could we lower the price on weekends", true],
    [plansPriceByTime, "the utility will raise the rate at night", false],
    [plansWhoMayCharge, "limit the stations to residents and visitors", true],
    [plansWhoMayCharge, "limit the garage door opener to staff", false],
    [saysStationMoved, "we relocated the charger to the north lot", true],
    [saysStationMoved, "what would it cost to move the chargers to the new lot", false],
    [asksPeopleIntoGroup, "how do I invite the interns", true],
    [asksPeopleIntoGroup, "the new staff cannot get into the ev charging group", true],
    [asksPeopleIntoGroup, "the new staff cannot get onto the health plan", false],
    [saysTurnTaken, "I was next but somebody else plugged in", true],
    [saysTurnTaken, "next week someone will visit", false],
    [saysBilledPastFull, "paid for 5 hours though the car was full in 1", true],
    [saysBilledPastFull, "the car was full after 3 hours", false],
    [asksHowRevenuePaid, "the owner wants the charging income wired to a second account", true],
    [asksHowRevenuePaid, "driver wants his refund money mailed as a check", false],
    [quotesPriceForTime, "a visitor paid $12 for 2 hours", true],
    [quotesPriceForTime, "$70 for one night of parking", false],
    [quotesPriceForTime, "$5 for a gallon of gas", false],
    [saysStationMoved, "move the old unit's settings to its replacement", false],
    [plansWhoMayCharge, "which setting says visitors can use our chargers", true],
    [plansWhoMayCharge, "visitors can use the chargers without a card", false],
    [namesAlwaysOnMode, "can the depot units use the always on mode", true],
    [namesAlwaysOnMode, "the screen is always on at night", false],
    [asksHowCodeHandedOut, "do the residents get the code in their welcome pack", true],
    [asksHowCodeHandedOut, "should staff get the door code by email", false],
  ] as const)("%o: %j → %s", (rule, text, expected) => {
    expect(rule(words(text))).toBe(expected);
  });

  it("answers each article from its plan", () => {
    expect(answer("we relocated two chargers to level 3, what do we update")).toBe("bad-pinpoint");
    expect(answer("how do we invite the interns to use the chargers")).toBe("station-connections");
    expect(answer("I was next but somebody else plugged in first")).toBe("waitlist");
  });

  it("runs no rule on a message without one of their words", () => {
    expect(askedPlans(words("the relay is stuck closed on port 2"))).toEqual([]);
  });
});
