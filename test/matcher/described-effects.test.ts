import { describe, expect, it } from "vitest";
import { saysAlwaysAuthorized } from "../../src/matcher/always-authorized.ts";
import { analyseText } from "../../src/matcher/analyse-text.ts";
import { asksAmountPaid } from "../../src/matcher/asked-amount.ts";
import { saysSentToWrongPlace } from "../../src/matcher/map-directions.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { readQueueWord } from "../../src/matcher/queue-line.ts";
import { ruledOutPositions } from "../../src/matcher/ruled-out.ts";
import { realMatcher } from "./real-matcher.ts";

const words = (text: string) => normaliseText(text).split(" ");
const queueReading = (text: string) => {
  const w = words(text);
  const i = w.findIndex((x) => /^queu|^lined$/.test(x));
  return readQueueWord(w, i);
};
const ruledOutWords = (text: string) => {
  const w = words(text);
  return [...ruledOutPositions(w)].sort((a, b) => a - b).map((i) => w[i]);
};
const answer = (text: string) => realMatcher().matcher.match(text).playbook;

describe("a queue word is read by what waits in it", () => {
  it.each([
    ["where can i check the firmware update i queued last night", "software"],
    ["queued an update on 3 stations, nothing happened", "software"],
    ["the ota push is still in the queue", "software"],
    ["lined up a software release for the whole org", "software"],
    ["driver queued for the charger and never got notified", "waitlist"],
    ["the queue does not update after someone leaves", "waitlist"],
    ["is anyone queued at this station", "waitlist"],
    ["our it ticket queue is backed up", "work"],
  ])("%j → %s", (text, reading) => {
    expect(queueReading(text)).toBe(reading);
  });

  it("a software queue is the firmware article, a driver's queue stays the Waitlist", () => {
    expect(answer("how do I know the software update I queued went through")).toBe("firmware-upgrade");
    expect(answer("driver queued up at the charger but nobody told her it was free")).toBe("waitlist");
    expect(answer("our helpdesk ticket queue is slow this week")).toBeNull();
  });
});

describe("things a narrative rules out do not count as evidence", () => {
  it("two denied changes, or one after 'nothing was changed', are dropped", () => {
    expect(ruledOutWords("no new hardware, no firmware, and the receipt is wrong")).toEqual(["hardware", "firmware"]);
    expect(ruledOutWords("nothing was changed, firmware was not updated")).toEqual(["firmware", "updated"]);
    expect(ruledOutWords("we did not touch it, no config changes")).toEqual(["config", "changes"]);
  });

  it("one denied thing alone is the question itself and stays", () => {
    expect(ruledOutWords("no firmware update available for the ct4000")).toEqual([]);
    expect(ruledOutWords("firmware was not pushed to the station")).toEqual([]);
    expect(answer("no firmware update available for the CT4000")).toBe("firmware-upgrade");
  });

  it("the rest of the message decides", () => {
    expect(
      answer("customer says she paid double on tuesday; nothing changed on site, no firmware update, no new hardware"),
    ).toBe("pricing-policy");
    expect(answer("no card problems reported, the driver was billed for parking after he left")).toBe("pricing-policy");
  });
});

describe("Just Charge by its effect", () => {
  it.each([
    ["the depot chargers should be permanently authorized", true],
    ["can sessions start on their own when a bus plugs in", true],
    ["station authorized by default for the dealer lot", true],
    ["driver is not authorized at the station", false],
    ["station reboots on its own every night", false],
  ])("%j → %s", (text, expected) => {
    expect(saysAlwaysAuthorized(words(text))).toBe(expected);
  });

  it("answers Just Charge, and a card that does not work stays the reader's", () => {
    expect(answer("fleet yard wants the chargers always authorized so vans just charge")).toBe("just-charge");
    expect(answer("fleet card does not beep at the reader")).toBe("rfid-reader");
  });
});

describe("Pricing Policy asked by what a driver paid", () => {
  it.each([
    ["how do i see what the driver paid for that session", true],
    ["how much was she charged on the 8th", true],
    ["what did this guy pay", true],
    ["chargepoint keeps a percentage of what drivers pay", false],
    ["what is the energy a driver got", false],
  ])("%j → %s", (text, expected) => {
    expect(asksAmountPaid(words(text))).toBe(expected);
  });

  it("Historical Sessions asked for an amount is pricing; asked for energy it stays Slow or Zero Energy", () => {
    expect(answer("where in historical sessions do I see how much the driver was charged")).toBe("pricing-policy");
    expect(answer("historical sessions show 0 kwh delivered for a 2 hour session")).toBe("slow-zero-energy");
    expect(analyseText("time of day rate is not taking effect").synonyms.map((s) => s.to)).toEqual(
      expect.arrayContaining(["price", "apply"]),
    );
  });
});

describe("a map pin described by where it sends drivers", () => {
  it.each([
    ["the app sends drivers to the loading dock", true],
    ["navigation takes people to the old building", true],
    ["drivers end up at the wrong lot", true],
    ["the app sends drivers a notification when it is their turn", false],
    ["the app sends them to the waitlist", false],
  ])("%j → %s", (text, expected) => {
    expect(saysSentToWrongPlace(words(text))).toBe(expected);
  });

  it("answers Bad PinPoint", () => {
    expect(answer("directions in the app lead drivers to the back alley, chargers are out front")).toBe("bad-pinpoint");
  });
});

describe("articles sharing a subject", () => {
  it("a resident's connection is Multifamily, an employee's is Station Connections", () => {
    expect(answer("resident used the connection code and is waiting to be approved for her stall")).toBe("multifamily");
    expect(answer("new hire typed the connection code and still cannot join the employee group")).toBe(
      "station-connections",
    );
  });

  it("the fee withheld from revenue is Flex Billing's, even for multifamily sites", () => {
    expect(answer("is the transaction fee withheld from a multifamily site's revenue")).toBe("flex-billing");
    expect(answer("multifamily station cloud plan says commercial")).toBe("multifamily");
  });

  it("the firmware flow's manufacturer box", () => {
    expect(answer("upgrading a CP6K: tick ChargePoint under Manufacturers or not?")).toBe("firmware-upgrade");
  });
});
