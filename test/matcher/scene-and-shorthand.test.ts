import { describe, expect, it } from "vitest";
import { faultNamedAsScene } from "../../src/matcher/fault-as-scene.ts";
import { buildFaultCodeIndex, scanFaultCodes } from "../../src/matcher/fault-codes.ts";
import { focusClause } from "../../src/matcher/focus-clause.ts";
import { loneCarScenePositions, saysLoneCarSlow, saysSlowerThanOthers } from "../../src/matcher/lone-car-slow.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { saysDriverPending } from "../../src/matcher/pending-driver.ts";
import { readerFirmwarePositions } from "../../src/matcher/reader-firmware.ts";
import { ruledOutSymptomPositions } from "../../src/matcher/ruled-out-symptoms.ts";
import { refusedPricePositions, saysSomeRefused } from "../../src/matcher/some-refused.ts";
import { realMatcher } from "./real-matcher.ts";

// The ninth round of issue 13: a fault's name as the scene, on-call shorthand, and two articles' words in one
// message where one is the question. Each rule with look-alikes that keep their reading. None of these
// sentences is from an evaluation set.
const words = (text: string) => normaliseText(text).split(" ");
const dropped = (positions: number[], text: string) => positions.map((k) => words(text)[k]).join(" ");
const answer = (text: string) => realMatcher().matcher.match(text);

describe("a fault named as the scene, not the question", () => {
  const index = () => buildFaultCodeIndex(realMatcher().playbooks);
  const scene = (text: string) => {
    const normalised = normaliseText(text);
    return faultNamedAsScene(normalised, index(), scanFaultCodes(text, index(), normalised))?.mentions ?? [];
  };

  it.each([
    // A modifier: the unit, the head, the repair, the part the fault describes.
    ["the breakaway-hit charger by the gym got its head swapped, where is the activation password", ["breakaway"]],
    ["our 307 unit at the library is back, how do I rename it", ["307"]],
    ["post-earth-fault repair, the owner wants a price per kWh", ["earth fault"]],
    ["the relay stuck closed station was replaced on monday", ["relay stuck closed"]],
    // History: before the name, or said done after it.
    ["the charger that had a ground fault in june now sits across town on the map", ["ground fault"]],
    ["after the hardware fault was fixed they asked for a new screen message", ["hardware fault"]],
    ["pilot unreachable last week, and since then drivers cannot find the station", ["pilot unreachable"]],
    // Ruled out.
    ["no hardware fault on it, the car just charges slowly", ["hardware fault"]],
    // The fault itself: shown now, asked about, or cleared by the guide's reboot.
    ["the new head shows breakaway again", []],
    ["hardware fault on port 1 after the storm", []],
    ["relay stuck closed alarm cleared after a reboot, do we still swap the head", []],
    ["is a breakaway something we can fix remotely", []],
    // The guide's own status line keeps the station in it.
    ["status: Hardware Fault Station out of service since noon", []],
    // One mention that is the fault itself makes the fault the question.
    ["the breakaway unit is showing breakaway again", []],
    // A status said to be over is the scene; said now it is the symptom.
    ["the previously unreachable unit is back online, where do I set its hourly rate", ["unreachable"]],
    ["it was unavailable all week and is fixed now, can the screen say so", ["unavailable"]],
    ["the unreachable unit in the garage again, since midnight", []],
  ])("%j names %j as the scene", (text, mentions) => {
    expect(scene(text)).toEqual(mentions);
  });

  it("answers the article the rest asks about, and keeps the fault when the rest asks nothing else", () => {
    const cases: [string, string | null][] = [
      ["the breakaway-hit charger by the gym got its head swapped, where do I enter the new MAC", "replace-hardware"],
      ["the charger that had a ground fault in june now shows up across town in the app", "bad-pinpoint"],
      ["does anyone stock the breakaway cable as a spare part, we want to order two", null],
      // The fault is the question.
      ["the new head shows breakaway again", "breakaway"],
      ["our 307 unit trips the breaker every night", "hardware-fault"],
      ["ex-breakaway unit, what do we check now", "breakaway"],
    ];
    for (const [text, playbook] of cases) expect(answer(text).playbook, text).toBe(playbook);
    expect(answer("the new head shows breakaway again").kind).toBe("fault-code");
  });

  it("says in the explanation that the fault was read as the scene", () => {
    const result = answer("the breakaway-hit charger by the gym got its head swapped, where do I enter the new MAC");
    expect(result.explanation.note).toContain('"breakaway" names the fault as the scene, not the question');
  });
});

describe("on-call shorthand", () => {
  it("reads rsn as the reason of a status, so a reason code is a fault code", () => {
    for (const text of ["stn BOS-3 NS rsn 18 since 04:15", "p2 needs svc rsn 18, pls look"]) {
      const result = answer(text);
      expect(result.kind, text).toBe("fault-code");
      expect(result.playbook, text).toBe("pilot-unreachable");
    }
    // A number after rsn that is no code of the guide stays an unknown code.
    expect(answer("rsn 42 on the dashboard").kind).toBe("unknown-fault-code");
  });

  it("reads the dashboard's words written short", () => {
    const cases: [string, string][] = [
      ["p1 avail and reachable, 1 car pulling 2 kW on a 40A brkr", "slow-zero-energy"],
      ["stn unreach again overnight, rsrp -101, modem is GSM", "station-unreachable"],
      ["rfid rdr dead on stn 9, cards get no beep", "rfid-reader"],
    ];
    for (const [text, playbook] of cases) expect(answer(text).playbook, text).toBe(playbook);
  });
});

describe("one slow car is Slow Charging's, the split between two cars Circuit Sharing's", () => {
  it.each([
    ["one car on it and it only gets 3 kW", true],
    ["tried a different vehicle, still slow", true],
    ["single car plugged in, charging slow on two breakers", true],
    ["port 2 is slow, nothing else plugged in", true],
    // A second car arriving is the split; a car tried again with no slowness says nothing.
    ["slow as soon as a second car plugs in", false],
    ["both cars slow down when the other plugs in", false],
    ["tried a different car and it charged fine", false],
  ])("%j: one slow car %s", (text, expected) => {
    expect(saysLoneCarSlow(words(text))).toBe(expected);
  });

  it("drops the breakers counted and a Circuit Sharing said to be off around one slow car", () => {
    const text = "two 40A breakers, circuit sharing off, one car slow";
    expect(dropped(loneCarScenePositions(words(text)), text)).toBe("2 40 amp breakers circuit sharing");
    // Circuit Sharing on is not the scene, and a split is not one car.
    expect(loneCarScenePositions(words("circuit sharing is on, one car slow"))).toEqual([]);
    expect(loneCarScenePositions(words("two breakers, both cars slow"))).toEqual([]);
  });

  it("reads slower than the other chargers as the article's first symptom", () => {
    expect(saysSlowerThanOthers(words("ours are slower than the other level 2 units"))).toBe(true);
    expect(saysSlowerThanOthers(words("less than our other chargers"))).toBe(true);
    expect(saysSlowerThanOthers(words("slower than yesterday"))).toBe(false);
  });

  it("answers Slow or Zero Energy, and two cars halved stay Circuit Sharing", () => {
    expect(answer("two breakers and circuit sharing disabled, yet one car alone crawls at 2 kW").playbook).toBe(
      "slow-zero-energy",
    );
    expect(answer("with one breaker, when the second car plugs in the first drops to half").playbook).toBe(
      "circuit-sharing",
    );
  });
});

describe("a symptom ruled out before the one reported", () => {
  it.each([
    ["no faults, no breaker trips, but sessions are tiny", "faults breaker trips"],
    ["no active alarms yet drivers get nothing", "alarms"],
    // Without a turn to another symptom the denial is the question.
    ["no fault code shows, what now", ""],
    // A fault that is there is not ruled out.
    ["fault on port 1 but port 2 works", ""],
  ])("%j drops %j", (text, expected) => {
    expect(dropped(ruledOutSymptomPositions(words(text)), text)).toBe(expected);
  });

  it("answers the symptom reported", () => {
    expect(answer("no alarms and no faults on the unit, but every session ends at 0 kWh").playbook).toBe(
      "slow-zero-energy",
    );
  });
});

describe("some drivers refused at a station with a price", () => {
  it.each([
    ["two of our staff are told they can't charge while everyone else is fine", true],
    ["a couple of members are not allowed to start, others work normally", true],
    ["she can't charge with the app, does her account need a payment method", true],
    // A price complaint, or a refusal of everyone, is not this.
    ["nobody can charge at all today", false],
    ["drivers are charged too much, others fine", false],
  ])("%j: %s", (text, expected) => {
    expect(saysSomeRefused(words(text))).toBe(expected);
  });

  it("drops the price as the scene, unless an amount is the complaint", () => {
    const text = "some app users can't start while others are fine, we charge $2/hr";
    expect(dropped(refusedPricePositions(words(text)), text)).toBe("charge dollars 2 hr");
    expect(refusedPricePositions(words("some can't start while others are fine, and they were billed $2"))).toEqual([]);
  });

  it("answers Access Control, and a wrong amount stays Pricing Policy", () => {
    expect(answer("at our $2 per hour garage a few app users can't start while others are fine").playbook).toBe(
      "access-control",
    );
    expect(answer("drivers at our garage paid $4 an hour instead of $2").playbook).toBe("pricing-policy");
  });
});

describe("a driver pending for the waitlist's time frame", () => {
  it.each([
    ["remote users may start only after 8pm, is that why he shows pending", true],
    ["the driver is pending since this morning", true],
    // Pending of a form, an upgrade or a connection request is another article's.
    ["flex billing is pending", false],
    ["her connection request is pending approval", false],
    ["the upgrade is pending on 4 stations", false],
  ])("%j: %s", (text, expected) => {
    expect(saysDriverPending(words(text))).toBe(expected);
  });

  it("answers Waitlist", () => {
    expect(answer("per the policy remote users are let in after 7pm only, so she stays pending?").playbook).toBe(
      "waitlist",
    );
  });
});

describe("the reader's own firmware beside cards that fail", () => {
  it("drops every update of the message once the reader's firmware is named and cards fail", () => {
    const text = "reader firmware 210316, cards stopped after the update push";
    expect(dropped(readerFirmwarePositions(words(text)), text)).toBe("firmware update push");
    // Without failing cards only the reader's own update word drops.
    const fine = "reader firmware 210316, station firmware push scheduled";
    expect(dropped(readerFirmwarePositions(words(fine)), fine)).toBe("firmware");
  });
});

describe("the part of a two-part message that asks", () => {
  it.each([
    // A part judged fine is what was checked already.
    ["the pin on the map is correct, but the unit drops offline every evening", "the unit drops offline every evening"],
    ["drivers pay the wrong rate, but the payouts look fine", "drivers pay the wrong rate,"],
    // An event, then "and now" the symptom.
    ["we changed the screen text, and now nobody can join the waitlist", "nobody can join the waitlist"],
    // A state is no judgement ("enabled"), and trouble on both sides is no scene.
    ["circuit sharing is enabled but the breaker trips", undefined],
    ["price is not right but the payouts are not fine either", undefined],
    // A new unit before "and now" is Replace Hardware's own story (after-a-swap.ts).
    ["we put in a new unit and now the dashboard cannot reach it", undefined],
    // A trouble said to be over is what already happened; one that is not over is no scene.
    ["it dropped off the network on monday, it came back online, but nobody can tap in", "nobody can tap in"],
    ["the fault was there all morning and it's back now; but the payouts look fine", undefined],
    ["it went offline and it is not back, but the pin looks right", "it went offline and it is not back,"],
  ])("%j reads %j", (text, clause) => {
    expect(focusClause(text)).toBe(clause);
  });

  it("answers with that part when it clearly names another article, and says so", () => {
    const result = answer("the coordinates on the map are right now, but the station keeps going unreachable at night");
    expect(result.playbook).toBe("station-unreachable");
    expect(result.explanation.note).toContain("the rest is its scene");
    // A swap before "and now" stays Replace Hardware's.
    expect(answer("we put in a new unit and now the dashboard cannot reach it").playbook).toBe("replace-hardware");
  });

  it("keeps the fault the event names when the part after 'and now' only says the station is faulted", () => {
    // The clause alone ("the unit shows faulted") reads as the generic Hardware Fault; the event is Breakaway's.
    const text = "a truck pulled away with the connector still in the car, and now the unit shows faulted";
    expect(focusClause(text)).toBe("the unit shows faulted");
    expect(answer(text).playbook).toBe("breakaway");
    // A symptom of another article after a fault's event still answers by that part.
    const other = "the cord was ripped out last week, we put a new cord on, and now drivers can't join the waitlist";
    expect(answer(other).playbook).toBe("waitlist");
  });
});
