import { describe, expect, it } from "vitest";
import { asksFeeAtMfhSite } from "../../src/matcher/fee-at-mfh-site.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysTextLineRefused } from "../../src/matcher/text-line-refused.ts";
import { realMatcher } from "./real-matcher.ts";

// The tenth round's kinds, each with look-alikes that keep their reading. None of these sentences is from an
// evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
/** The playbook of a sure answer (a match), or the kind of a weaker one. */
const answer = (text: string) => {
  const r = realMatcher().matcher.match(text);
  return r.kind === "match" ? r.playbook : r.kind;
};

describe("a station message's text line that fails its checks", () => {
  it.each([
    ["bottom line will not save, there's a tilde in it", true],
    ["line 2 gets cut off halfway", true],
    ["the greeting text on the kiosk screen errors out", true],
    ["upper row rejected, is it too long", true],
    ["the driver was rejected at the second row of chargers", false],
    ["first line of the email got cut off", false],
    ["the first line of stalls is full", false],
  ])("%j → %s", (text, expected) => {
    expect(saysTextLineRefused(words(text))).toBe(expected);
  });

  it.each([
    'top row "Staff Only Please" is rejected',
    "line 1 won't save, I typed Lot A/Lot B",
    "our second line keeps being cut off on the display",
  ])("answers Station Messages: %j", (text) => {
    expect(answer(text)).toBe("station-messages");
  });

  it("leaves a refused driver to Access Control", () => {
    expect(answer("the driver gets rejected at the charger, screen says access denied")).toBe("access-control");
  });
});

describe("the fee or payout asked for a multifamily site", () => {
  it.each([
    ["are MFH owners charged the 10 percent", true],
    ["the condo's deposits stopped in march", true],
    ["does the HOA take 10 off the top", true],
    ["MFH resident cannot link to her own charger", false],
    ["the condo's pricing rule charges $0.40 per kWh", false],
    ["multifamily cloud plan token for the new building", false],
  ])("%j → %s", (text, expected) => {
    expect(asksFeeAtMfhSite(words(text))).toBe(expected);
  });

  it.each([
    "are MFH owners charged the 10 percent fee as well",
    "the HOA hasn't seen any deposits from the chargers since spring",
  ])("answers Flex Billing: %j", (text) => {
    expect(answer(text)).toBe("flex-billing");
  });

  it("leaves a resident's link to Multifamily", () => {
    expect(answer("MFH resident cannot be linked to her own charger")).toBe("multifamily");
  });
});

describe("a driver's complaint forwarded with no dashboard word", () => {
  it.each([
    "plugged in around 5pm, by morning the car had added 3 percent",
    "left it connected all night, it gained like 5 miles",
  ])("answers Slow or Zero Energy: %j", (text) => {
    expect(answer(text)).toBe("slow-zero-energy");
  });

  it("leaves miles of something else alone", () => {
    expect(answer("we added 4 miles of new cable overnight")).not.toBe("slow-zero-energy");
  });

  it("reads a card that fails beside the driver's own phone as the reader, not their own device", () => {
    expect(answer("my card does nothing at the post, I had to start it from my phone")).toBe("rfid-reader");
  });

  it.each([
    "the two of us both crawl along on that post, alone it's fine",
    "we both crawl when there are two of us on it, by myself it's fine",
  ])("answers Circuit Sharing for slow with two, fine alone: %j", (text) => {
    expect(answer(text)).toBe("circuit-sharing");
  });
});

describe("an article's words asking another's question", () => {
  it("reads cards ignored since an update as the reader's symptom", () => {
    expect(answer("after last week's software push the fobs are ignored everywhere")).toBe("rfid-reader");
  });

  it("keeps a failed update Firmware Upgrade's", () => {
    expect(answer("the firmware update failed, retry limit reached")).toBe("firmware-upgrade");
  });

  it("reads changing what a station says on its display as a station message", () => {
    expect(answer("how do i change what the unit says")).toBe("station-messages");
    expect(answer("how would I change what the kiosk says on its small display")).toBe("station-messages");
  });
});

describe("an article with too few of its words", () => {
  it.each([
    "two roommates share the deeded space downstairs, can both go on that charger",
    "the charger in their garage bay should be under the new owner's name",
    "an apartment owner moved out and the spot's charger should go to the new owner",
  ])("answers Multifamily for who goes on a resident's own space: %j", (text) => {
    expect(answer(text)).toBe("multifamily");
  });

  it.each([
    ["the charger in my own spot is broken", false],
    ["can both of us use the charger in my reserved spot at work", false],
    ["her husband and she both want the charger at their parking space", true],
  ])("own-space look-alike %j → Multifamily: %s", (text, expected) => {
    expect(answer(text) === "multifamily").toBe(expected);
  });

  it.each([
    "our valets keep needing a badge to start the charger for demo cars, can we skip that step",
    "the depot crew doesn't want to juggle fobs for every van",
  ])("answers Just Charge for the card step wished away: %j", (text) => {
    expect(answer(text)).toBe("just-charge");
  });

  it("leaves a card that fails to the reader", () => {
    expect(answer("badges are not read at the depot chargers, can we skip that step")).not.toBe("just-charge");
  });

  it("answers Slow or Zero Energy for a station's output against what it should give", () => {
    expect(answer("how to check a unit is delivering the power it's meant to")).toBe("slow-zero-energy");
  });

  it("leaves a price that should have been another to Pricing Policy", () => {
    expect(answer("driver was charged a station time rate when it should be energy only")).toBe("pricing-policy");
  });
});

describe("a person missing from the group a station's policy maps", () => {
  it("answers Access Control", () => {
    expect(answer('the policy on lot B maps the "Night Shift" group and she is not in it, how do I add her')).toBe(
      "access-control",
    );
  });

  it("leaves people adding themselves to Station Connections", () => {
    expect(answer("how do employees get themselves added to our charging group")).toBe("station-connections");
  });

  it("reads a card waved again and again while the phone works as the reader", () => {
    expect(
      answer("fwd from a driver: I held my card up to it over and over again. NOTHING. my phone works though"),
    ).toBe("rfid-reader");
  });
});

describe("how a group of stations is paid", () => {
  it.each([
    "the Ontario group of stations wants cheques mailed",
    "does the variable service fee percentage differ per custom station group",
  ])("answers Flex Billing: %j", (text) => {
    expect(answer(text)).toBe("flex-billing");
  });

  it("leaves a driver group's price to Pricing Policy", () => {
    expect(answer("the driver group should get $0.20/kWh but pays the public rate")).not.toBe("flex-billing");
  });
});

describe("a SIM that sits badly", () => {
  it("answers Station Unreachable", () => {
    expect(answer("installer says the SIM is crooked in the tray, does he push it back in")).toBe(
      "station-unreachable",
    );
  });
});

describe("the third batch's kinds", () => {
  it.each([
    ["can the second line run longer than 64", true],
    ["is the max for line 1 really 15", true],
    ["what's the bottom line on the price, max 15 cents", false],
  ])("a line's length limit %j → %s", (text, expected) => {
    expect(saysTextLineRefused(words(text))).toBe(expected);
  });

  it("answers Flex Billing for the owner's share by its number", () => {
    expect(answer("circuit sharing is off, does the owner still pay the 10")).toBe("flex-billing");
  });

  it("answers Slow or Zero Energy for a gauge that hardly moved", () => {
    expect(answer("driver says: plugged in before the meeting, after it the gauge hardly moved")).toBe(
      "slow-zero-energy",
    );
  });

  it("answers Just Charge for a station that works for whoever arrives", () => {
    expect(answer("the yard chargers should just work for any truck that pulls in")).toBe("just-charge");
  });

  it("leaves a question about who parks somewhere alone", () => {
    expect(answer("does anyone know who parks in spot 3")).not.toBe("just-charge");
  });

  it("answers Breakaway for a cord with its wires laid bare", () => {
    expect(answer("voicemail from a driver: the cord is dangling off the post with wires sticking out")).toBe(
      "breakaway",
    );
  });

  it("reads CHARGEPOINT / STATION on a resident's screen as the station's lost name, not Multifamily", () => {
    const r = realMatcher().matcher.match("a tenant writes that her charger's screen now says CHARGEPOINT / STATION");
    expect(["replace-hardware", "station-unreachable"]).toContain(r.playbook);
  });
});

describe("old text still on a station's screen", () => {
  it("answers Station Messages when the other part is said to work", () => {
    expect(answer("the badges work, but the display still has the old holiday greeting")).toBe("station-messages");
  });

  it("leaves a screen that still shows a status to its article", () => {
    expect(answer("the display still says unavailable")).not.toBe("station-messages");
  });
});
