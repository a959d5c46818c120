import { describe, expect, it } from "vitest";
import { asksBuildingSystem } from "../../src/matcher/asks-building-systems.ts";
import { asksCompanyIt } from "../../src/matcher/asks-company-it.ts";
import { asksOwnNetwork } from "../../src/matcher/asks-own-network.ts";
import { asksVehicleItself } from "../../src/matcher/asks-site-or-company.ts";
import { saysBilledFor } from "../../src/matcher/billed-for.ts";
import { namesCarOwnDisplay } from "../../src/matcher/car-own-display.ts";
import { saysDriversLookElsewhere } from "../../src/matcher/drivers-look-elsewhere.ts";
import { normaliseText } from "../../src/matcher/normalise-text.ts";
import { realMatcher } from "./real-matcher.ts";

// Twelfth round (dev-edges-12): out of scope but named with a station's nouns. A building's own systems, a home's
// or an office's own network, and a car's own display, each told apart from the same nouns on a station. None
// of these sentences is from an eval set.
const words = (text: string) => normaliseText(text).split(" ");
const match = (text: string) => realMatcher().matcher.match(text);

describe("a building's own systems", () => {
  it.each([
    ["the chiller on the roof faults every hot afternoon", true],
    ["the fire alarm panel reports a ground fault on loop 2", true],
    ["the camera at the gate went dark last night", true],
    ["the lighting contactor in the garage sticks and the lamps stay on", true],
    ["the station next to the elevator shows offline", false],
    ["the HVAC contractor damaged the charger's cable", false],
  ])("%j → %s", (text, expected) => {
    expect(asksBuildingSystem(words(text))).toBe(expected);
  });

  it("is declined, and a station beside the same system is answered", () => {
    expect(match("the fire alarm panel by the loading dock shows a ground fault trouble light").playbook).toBeNull();
    expect(match("security cameras on level 3 dropped offline this morning").playbook).toBeNull();
    expect(match("the station by the elevator shows 202-EF after the rain").playbook).toBe("earth-ground-fault");
  });
});

describe("a home's or an office's own network", () => {
  it.each([
    ["my modem at home loses sync every evening", true],
    ["the internet at my desk is crawling", true],
    ["the site's router was replaced and the units went offline", false],
    ["the station's wifi signal is weak in the garage", false],
  ])("%j → %s", (text, expected) => {
    expect(asksOwnNetwork(words(text))).toBe(expected);
  });

  it("is declined, and a station on the network is answered", () => {
    expect(match("the router at my house keeps dropping the connection at night").playbook).toBeNull();
    expect(match("station lost its Wi-Fi link after we changed the router, now unreachable").playbook).toBe(
      "station-unreachable",
    );
  });
});

describe("a car's own display", () => {
  it.each([
    ["the infotainment screen went black on the highway", true],
    ["my car's dash shows a service warning, it says see dealer", true],
    ["the car's own display flashes a yellow triangle", true],
    ["the car's dashboard says charging but the station shows 0 kWh", false],
    ["register the vehicles in the dashboard", false],
  ])("%j → %s", (text, expected) => {
    expect(namesCarOwnDisplay(words(text))).toBe(expected);
  });

  it("is the car itself even when it names a screen", () => {
    expect(asksVehicleItself(words("the infotainment screen froze and lost the map"))).toBe(true);
    expect(match("the infotainment screen froze and lost the map, owner is asking us").playbook).toBeNull();
  });
});

describe("a car's own warning that says to see the dealer", () => {
  it.each([
    ["the car flashes 'charging system fault, see dealer' on its dash", true],
    ["dash warning: visit your dealer soon", true],
    ["the car says see dealer after every session at our station", false],
  ])("%j → %s", (text, expected) => {
    expect(namesCarOwnDisplay(words(text))).toBe(expected);
  });

  it("is declined though it says charging", () => {
    expect(match("the car flashes 'charging system fault, see dealer' on its dash").playbook).toBeNull();
  });
});

describe("two places and no map: where drivers go against where the stations are", () => {
  it.each([
    ["visitors head to the front lobby, while the chargers are actually behind the warehouse", true],
    ["people drive to the east gate but the stations sit past the cafeteria", true],
    ["drivers pull into the lot but the chargers are in use", false],
    ["drivers go to station 3 but the chargers are offline", false],
    ["the stations are on level P3 by the stairs, yet people keep searching on the roof", true],
    ["the chargers are behind the hotel, not by the front door where the map shows them", true],
    ["the chargers are behind the hotel and work fine", false],
  ])("%j → %s", (text, expected) => {
    expect(saysDriversLookElsewhere(words(text))).toBe(expected);
  });

  it("answers Bad PinPoint", () => {
    expect(
      match("visitors head to the front lobby, while the chargers are actually behind the warehouse").playbook,
    ).toBe("bad-pinpoint");
  });
});

describe("two sites compared, one billing drivers double", () => {
  it.each([
    ["the airport site bills drivers double", true],
    ["the garage unit is billing customers twice", true],
    ["the lot is billing normally", false],
  ])("%j → %s", (text, expected) => {
    expect(saysBilledFor(words(text))).toBe(expected);
  });

  it("answers Pricing Policy", () => {
    expect(match("the mall site is fine, but the airport site bills drivers double for every stop").playbook).toBe(
      "pricing-policy",
    );
  });
});

describe("the company's own IT equipment", () => {
  it.each([
    ["IT is sending me a replacement laptop, the hinge snapped", true],
    ["my monitor is black since the update", true],
    ["my work phone's screen shows a firmware update failed", true],
    ["monitor the sessions on the new units", false],
    ["the laptop we use for the dashboard shows the station offline", false],
    ["my phone shows access denied at the charger", false],
  ])("%j → %s", (text, expected) => {
    expect(asksCompanyIt(words(text))).toBe(expected);
  });

  it("is declined though it names replacement hardware or a firmware update", () => {
    expect(match("my monitor died and IT says replacement hardware ships Monday").playbook).toBeNull();
    expect(match("my work phone's screen shows a firmware update failed").playbook).toBeNull();
  });
});
