import { describe, expect, it } from "vitest";
import { stationIdentityTool } from "../../src/tools/station-identity.ts";

describe("station identity: the guide's MAC, serial and coordinates", () => {
  it("0024:B100:0006:ED63 and 0024B1000006ED63 are the same address", () => {
    const grouped = stationIdentityTool.fromText("0024:B100:0006:ED63");
    const plain = stationIdentityTool.fromText("0024B1000006ED63");
    expect(grouped.figures[0]).toEqual({ label: "MAC address", value: "0024:B100:0006:ED63 = 0024B1000006ED63" });
    expect(plain.figures).toEqual(grouped.figures);
    expect(grouped.playbook).toBe("replace-hardware");
  });

  it("reads the Replace Hardware pair: MAC and activation password", () => {
    const r = stationIdentityTool.fromText("mac 0024B1000006ED63 password 65506");
    expect(r.verdict).toBe("ok");
    expect(r.figures).toContainEqual({ label: "Activation password", value: "65506" });
    expect(r.next[0]).toMatch(/^Replace Hardware:/);
  });

  it("reads a serial number", () => {
    expect(stationIdentityTool.fromText("serial 220741018018").figures).toEqual([
      { label: "Serial number", value: "220741018018" },
    ]);
  });

  it("checks coordinates for Bad PinPoint with a Google Maps link", () => {
    const r = stationIdentityTool.fromText("42.274392291174770 / -89.098501500000010");
    expect(r.verdict).toBe("ok");
    expect(r.playbook).toBe("bad-pinpoint");
    expect(r.figures[1]!.value).toBe("https://www.google.com/maps?q=42.27439229117477,-89.09850150000001");
  });
});

describe("station identity: edges", () => {
  it("a MAC a digit short or with a non-hex letter says which", () => {
    expect(stationIdentityTool.fromText("0024:B100:0006:ED6").errors[0]!.message).toBe(
      'mac must be 16 hex digits, as the dashboard shows it (0024:B100:0006:ED63 or 0024B1000006ED63), but it has 15 hex digits; got "0024:B100:0006:ED6"',
    );
    expect(stationIdentityTool.fromText("0024:B100:0006:EZ63").errors[0]!.message).toContain('but "Z" is not hex');
  });

  it("swapped, out-of-range and half-given coordinates are named", () => {
    expect(stationIdentityTool.fromText("-121.91664 / 37.380077").errors[0]!.message).toBe(
      "-121.91664 is not a latitude (latitudes run from -90 to 90) but works as a longitude: give them in the dashboard's order, Lat / Long, i.e. 37.380077 / -121.91664",
    );
    expect(stationIdentityTool.run({ latitude: 10, longitude: 200 }).errors[0]!.message).toBe(
      "Longitude must be at most 180 (longitudes run from -180 to 180); got 200",
    );
    expect(stationIdentityTool.run({ latitude: 10 }).errors[0]!.message).toBe(
      "Give latitude and longitude together, e.g. 37.380077 / -121.91664",
    );
    expect(stationIdentityTool.fromText("42.27").errors[0]!.message).toMatch(
      /^Found one number \(42\.27\) where latitude \/ longitude need two/,
    );
  });

  it("0 / 0 is a placeholder, and coarse coordinates are a warning", () => {
    expect(stationIdentityTool.fromText("0 / 0").verdict).toBe("problem");
    const coarse = stationIdentityTool.fromText("42.27 / -89.1");
    expect(coarse.verdict).toBe("warning");
    expect(coarse.summary).toMatch(/fewer than 4 decimal places/);
  });

  it("nothing recognisable says what it takes", () => {
    expect(stationIdentityTool.fromText("hello").errors[0]!.message).toBe(
      'Nothing recognised: expected a MAC address (0024:B100:0006:ED63), "serial <number>", "password <digits>" or "latitude / longitude"',
    );
    expect(stationIdentityTool.run({ latitude: Number.NaN, longitude: 1 }).errors[0]!.message).toBe(
      "Latitude must be a number (e.g. 37.380077); got NaN",
    );
  });
});
