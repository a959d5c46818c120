import { describe, expect, it } from "vitest";
import { saysTroubleAfterSwap } from "../../src/matcher/after-a-swap.ts";
import { saysCardFailsAppWorks } from "../../src/matcher/card-fails-app-works.ts";
import { saysGroupPrice } from "../../src/matcher/group-price.ts";
import { readNegationScope } from "../../src/matcher/negation-scope.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { asksPlugAndGo, lostCardPositions } from "../../src/matcher/plug-and-go-wish.ts";
import { saysStationGoneGrey } from "../../src/matcher/status-seen.ts";
import { wordingContentPositions } from "../../src/matcher/wording-content.ts";
import { realMatcher } from "./real-matcher.ts";

// The eighth round of issue 13: a message whose question belongs to one article while its scene (a quoted
// text, what the person has, a status seen) names another article's objects. Each rule with look-alikes
// that keep their reading. None of these sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const answer = (text: string) => realMatcher().matcher.match(text).playbook;
const quoteWords = (...quotes: string[]) => quotes.map(words);
const picked = (positions: number[], text: string) => positions.map((k) => words(text)[k]).join(" ");

describe("wording asked for on a screen is what to display, not what is asked", () => {
  it.each([
    ["can the chargers say 'Tenants only after 10pm'", ["Tenants only after 10pm"], "tenants only after 10pm"],
    // The screen's report is kept; only the wording wished for goes.
    [
      "screen says 'Access Denied', could we make it say 'See front desk'",
      ["Access Denied", "See front desk"],
      "see front desk",
    ],
    ["we want the stations to read members only after 6pm and how long does it take", [], "members only after 6pm"],
    // A screen that shows something reports a state.
    ["the display shows access denied", [], ""],
    ["display reads 'Access Restricted' for a visitor", ["Access Restricted"], ""],
    // Appearing in a place is not wording.
    ["how do we get the charger to show up in the right place", [], ""],
  ])("%j drops %j", (text, quotes, expected) => {
    expect(picked(wordingContentPositions(words(text), quoteWords(...quotes)), text)).toBe(expected);
  });

  it("answers Station Messages when the wording names another article's objects", () => {
    expect(answer("could the screens read 'Employees only - visitors park in lot C'? will that fit")).toBe(
      "station-messages",
    );
    expect(answer("we want our chargers to show 'Join the waitlist in the app' to drivers")).toBe("station-messages");
    // The same words reported by the screen are the article they name.
    expect(answer("a visitor's screen showed 'Access Restricted' when she tried to charge")).toBe("access-control");
  });
});

describe("a card that fails while the app works is the card reader's", () => {
  it.each([
    ["the charger ignores their badges", true],
    ["cards don't do anything but the app still works", true],
    ["fob does nothing, starting it from the phone works", true],
    ["tapping the card gets no response, app is fine", true],
    // The app failing, the card working, or the screen refusing is not this.
    ["card works but the app does not", false],
    ["card tapped fine but the app says he is still waiting", false],
    ["the card gives access denied, the app works", false],
    ["app will not start a session, no card either", false],
  ])("%j → %s", (text, expected) => {
    expect(saysCardFailsAppWorks(words(text))).toBe(expected);
  });

  it("answers the card reader, and a refusal on the screen stays Access Control", () => {
    expect(answer("staff say the unit has ignored their cards all week, the mobile app still starts it")).toBe(
      "rfid-reader",
    );
    expect(answer("card shows Access Denied on the display but the app starts a session")).toBe("access-control");
  });
});

describe("a station gone grey or off its link is Station Unreachable", () => {
  it.each([
    ["the station went grey on the dashboard", true],
    ["our charger is gray on the map", true],
    ["keeps losing its connection every afternoon", true],
    ["dropped the network twice today", true],
    // A grey control, a grey part, or a driver's connection to a group is not this.
    ["the replace hardware button is greyed out", false],
    ["the grey cable is frayed near the handle", false],
    ["driver lost the connection to our employee group", false],
    ["employee lost her connection code", false],
  ])("%j → %s", (text, expected) => {
    expect(saysStationGoneGrey(words(text))).toBe(expected);
  });

  it("answers Station Unreachable, and a lost group connection stays Connections", () => {
    expect(answer("the parking deck unit goes grey in the portal most evenings")).toBe("station-unreachable");
    expect(answer("after we changed the code, drivers lost their connection to the staff group")).toBe(
      "station-connections",
    );
  });
});

describe("charging wanted to start on plug-in is Just Charge, and lost cards are its scene", () => {
  it.each([
    ["is there a mode where it starts when a car is plugged in", true],
    ["we want them to charge as soon as someone plugs in", true],
    ["can the chargers begin once the cable is plugged", true],
    // A station that does not start is a fault, and a report without a wish is not asking for anything.
    ["the station does not start when plugged in, can you help", false],
    ["it starts when plugged in and stops after a minute", false],
  ])("%j → %s", (text, expected) => {
    expect(asksPlugAndGo(words(text))).toBe(expected);
  });

  it("drops lost cards only beside the wish", () => {
    const wish = "the valets keep losing their cards, can it just start when they plug in";
    expect(picked(lostCardPositions(words(wish)), wish)).toBe("cards");
    expect(lostCardPositions(words("the valets keep losing their cards, how do we order more"))).toEqual([]);
  });

  it("answers Just Charge, and lost cards alone are not it", () => {
    expect(
      answer("our rental fleet keeps misplacing rfid cards. can the stations start charging when a car is plugged in?"),
    ).toBe("just-charge");
    expect(answer("card reader stopped reading the fleet cards at the depot")).toBe("rfid-reader");
  });
});

describe("a price attached to a driver group is Pricing Policy's", () => {
  it.each([
    ["which group gets the staff rate", true],
    ["the member group should have a lower tariff", true],
    ["check the driver group on the price plan", true],
    // Getting into the group is Connections'.
    ["employees cannot join the group to get the discount", false],
    ["the group code for the discounted rate is not accepted", false],
    ["which driver group is on the access policy", false],
  ])("%j → %s", (text, expected) => {
    expect(saysGroupPrice(words(text))).toBe(expected);
  });

  it("answers Pricing Policy, and joining stays Connections", () => {
    expect(answer("what rate does our member group get and where do I change it")).toBe("pricing-policy");
    expect(answer("new hires can't join the driver group, the code is rejected")).toBe("station-connections");
  });
});

describe("the unit changed, with its settings left alone, is Replace Hardware's", () => {
  const scoped = (text: string) => readNegationScope(words(text)).map((r) => r.word);
  it.each([
    ["we changed the unit and now it is offline", true],
    ["no config touched, only the head, and the screen lost its name", true],
    // A name changed to the default is what it became; a station name changed is a setting.
    ["station name changed to chargepoint station, nothing replaced, unreachable", false],
    ["we changed the station name and it went offline", false],
  ])("%j → %s", (text, expected) => {
    expect(saysTroubleAfterSwap(scoped(text))).toBe(expected);
  });
});

describe("the Plug In Event ID column is the card reader's", () => {
  it("answers the RFID Reader for questions about plug in event ids", () => {
    expect(answer("what does a plug in event id of 1649443833 mean in historical sessions")).toBe("rfid-reader");
  });
});
