import { describe, expect, it } from "vitest";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import {
  asksScreenToTell,
  asksTextOnScreen,
  saysCardNotActive,
  saysGuideShare,
  saysNothingWentIn,
  saysOnlySomeAllowed,
  saysOwnerMoneyToAccount,
  saysPriceForResidents,
  saysScreenStillReads,
  saysSimSwappedStillOffline,
  saysSlowerThanAnother,
  saysStartsOnConnect,
  saysVisibleToWhom,
} from "../../src/matcher/pair-rules.ts";
import { realMatcher } from "./real-matcher.ts";

// The eleventh round's neighbouring articles, told apart by the action asked. None of these sentences is
// from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
/** The playbook offered first, sure (a match) or as a did-you-mean, or the kind when none is. */
const offered = (text: string) => {
  const r = realMatcher().matcher.match(text);
  return r.kind === "match" || r.kind === "ambiguous" ? r.playbook : r.kind;
};
/** The playbook of a sure answer (a match), or the kind of a weaker one. */
const answer = (text: string) => {
  const r = realMatcher().matcher.match(text);
  return r.kind === "match" ? r.playbook : r.kind;
};

describe("the owner's 10% share (Flex Billing), not a price", () => {
  it.each([
    ["does ChargePoint keep 10% of the idle fees too", true],
    ["is the ten percent cut applied before the payout", true],
    ["about 10 percent of our drivers use the app", false],
    ["why is there a 10% service charge on our revenue", true],
    ["we want a 10% discount for staff", false],
    ["the fee is $10 per session", false],
    ["10 minutes grace before the idle fee", false],
    ["the report takes 10 sec to load", false],
  ])("%j → %s", (text, expected) => {
    expect(saysGuideShare(words(text))).toBe(expected);
  });

  it("answers Flex Billing when the share is asked of a price drivers pay", () => {
    expect(answer("does chargepoint also keep 10% of the idle fees drivers pay")).toBe("flex-billing");
  });
});

describe("a price asked for residents (Pricing Policy), not the resident's link", () => {
  it.each([
    ["tenants are paying the visitor rate at the garage", true],
    ["what price should residents see per kWh", true],
    ["a resident cannot link to her charger", false],
    ["do residents pay the 10% fee too", false],
    ["how do we split the electricity bill between residents", false],
  ])("%j → %s", (text, expected) => {
    expect(saysPriceForResidents(words(text))).toBe(expected);
  });

  it("answers Pricing Policy", () => {
    expect(answer("tenants got billed what the public pays")).toBe("pricing-policy");
  });
});

describe("the owner's money sent to an account (Flex Billing)", () => {
  it.each([
    ["earnings from the north lot should land in a separate bank account", true],
    ["the payouts went to an account we closed", true],
    ["the driver's account shows no funds", false],
    ["resident's linked account is empty", false],
  ])("%j → %s", (text, expected) => {
    expect(saysOwnerMoneyToAccount(words(text))).toBe(expected);
  });

  it("answers Flex Billing even with a garage named", () => {
    expect(answer("the earnings from our garage chargers should go into another bank account")).toBe("flex-billing");
  });
});

describe("who sees a station in the app (Access Control's Visible by)", () => {
  it.each([
    ["the public shouldn't see the staff chargers on the app", true],
    ["hide our stations in the map from everyone but employees", false],
    ["only employees should see these chargers in the app", true],
    ["drivers can't see the station on the map, it's two streets over", false],
    ["nobody is linked to the charger as far as I can see in the app", false],
  ])("%j → %s", (text, expected) => {
    expect(saysVisibleToWhom(words(text))).toBe(expected);
  });

  it("answers Access Control", () => {
    expect(answer("outsiders should not see our depot chargers in the app")).toBe("access-control");
  });
});

describe("only some people allowed to charge (Access Control)", () => {
  it.each([
    ["only people from the third floor office should be able to charge here", true],
    ["only staff with the connection code are allowed to use it", false],
    ["only one resident should be able to use that charger", false],
    ["it is only able to charge at 3 kW", false],
    ["we'd like only the night shift to use the back row", true],
    ["we want only one driver to use it", false],
  ])("%j → %s", (text, expected) => {
    expect(saysOnlySomeAllowed(words(text))).toBe(expected);
  });

  it("answers Access Control", () => {
    expect(answer("only volunteers of the food bank should be allowed to charge at these")).toBe("access-control");
    expect(answer("we want only the cleaning contractors to charge at the side lot")).toBe("access-control");
  });
});

describe("a session that starts when a vehicle connects (Just Charge)", () => {
  it.each([
    ["we want charging to begin once a van is plugged in", true],
    ["the stations should start the moment a bus is connected", true],
    ["charging does not start when the car is plugged in", false],
    ["start the firmware upgrade once the station is connected", true],
  ])("%j → %s", (text, expected) => {
    expect(saysStartsOnConnect(words(text))).toBe(expected);
  });

  it("answers Just Charge", () => {
    expect(answer("can the loaner lot chargers kick in the moment a car gets plugged in")).toBe("just-charge");
  });
});

describe("nothing went into the car (Slow or Zero Energy)", () => {
  it.each([
    ["her battery stayed at the same level the whole afternoon", true],
    ["power never really flows to the car", true],
    ["sessions ended with zero on port 2 all week", true],
    ["the waitlist stays the same length", false],
    ["the cash flow from the stations is low", false],
  ])("%j → %s", (text, expected) => {
    expect(saysNothingWentIn(words(text))).toBe(expected);
  });

  it("answers Slow or Zero Energy", () => {
    expect(answer("the EV plugged in at port 1 but its range stayed the same miles all afternoon")).toBe(
      "slow-zero-energy",
    );
  });
});

describe("a station slower than another one (Slow or Zero Energy)", () => {
  it.each([
    ["our charger is way slower than the public ones downtown", true],
    ["the new unit charges slower than usual", true],
    ["hide chargers slower than 50 kW in the app", false],
    ["the dashboard page is slower than before", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSlowerThanAnother(words(text))).toBe(expected);
  });

  it("offers Slow or Zero Energy, where nothing was said before", () => {
    expect(offered("a guest says our station was slower than the mall's")).toBe("slow-zero-energy");
  });
});

describe("words still on the screen (Station Messages)", () => {
  it.each([
    ["the display still says Happy Holidays in March", true],
    ["the screen still shows Unavailable after the reboot", false],
    ["screen still says access denied", false],
    ["still says Happy New Year on the screen by the gym", true],
  ])("%j → %s", (text, expected) => {
    expect(saysScreenStillReads(words(text))).toBe(expected);
  });

  it("answers Station Messages", () => {
    expect(answer("our display still reads Closed for Thanksgiving")).toBe("station-messages");
    expect(answer("still says Merry Christmas on the screen at lot B")).toBe("station-messages");
  });
});

describe("a screen asked to tell drivers something (Station Messages)", () => {
  it.each([
    ["could the displays remind people to unplug when done", true],
    ["we'd like the chargers to let drivers know about the waitlist", true],
    ["can you tell me why the screen says unavailable", false],
    ["let me know when the station is back", false],
    ["why does the charger tell drivers they are not authorized", false],
  ])("%j → %s", (text, expected) => {
    expect(asksScreenToTell(words(text))).toBe(expected);
  });

  it("answers Station Messages, not the article its content names", () => {
    expect(answer("can the screens inform drivers that the waitlist opens at 8")).toBe("station-messages");
  });
});

describe("a card that is not active (Access Control's card activated under a valid account)", () => {
  it.each([
    ["the fleet card shows inactive", true],
    ["his badge was never activated on the account", true],
    ["the card reader is disabled on port 2", false],
    ["the account is active but the card reader ignores taps", false],
  ])("%j → %s", (text, expected) => {
    expect(saysCardNotActive(words(text))).toBe(expected);
  });

  it("offers Access Control first, not the reader", () => {
    expect(offered("a contractor taps and the dashboard lists his fob as expired")).toBe("access-control");
  });
});

describe("a beep heard is the reader working (card-as-means.ts)", () => {
  it("answers Access Control when the refusal follows a beep", () => {
    expect(answer("taps her card, it beeps, then Access Restricted")).toBe("access-control");
    expect(answer("the fob beeped and then the display read access restricted")).toBe("access-control");
  });
});

describe("a SIM swapped and the station still off its link (Station Unreachable)", () => {
  it.each([
    ["put a new SIM in, station is still offline", true],
    ["carrier sent a replacement SIM but the charger is still not connecting", true],
    ["we replaced the head and the new SIM but it's still offline", false],
    ["the unit got replaced, now activate the SIM on the new one, it's offline", false],
    ["the SIM is seated and the station is online", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSimSwappedStillOffline(words(text))).toBe(expected);
  });

  it("answers Station Unreachable, not Replace Hardware", () => {
    expect(answer("SIM got replaced last week and the charger is still unreachable")).toBe("station-unreachable");
  });
});

describe("text asked for a station's screen (Station Messages), whatever it is about", () => {
  it.each([
    ["add a line to the screens about parking hours", true],
    ["post a notice on the display saying the lot closes at 9", true],
    ["add a driver to the waitlist line", false],
    ["put the note in the ticket", false],
  ])("%j → %s", (text, expected) => {
    expect(asksTextOnScreen(words(text))).toBe(expected);
  });

  it("answers Station Messages when the text is about the queue", () => {
    expect(answer("please add a line on the charger display about the waitlist")).toBe("station-messages");
  });
});
