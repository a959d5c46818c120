import { describe, expect, it } from "vitest";
import { extractFacts, mostlyFacts } from "../../src/engine/extract-facts.ts";

const codes = ["303-RSC", "202-EF", "307-HE"];
const kinds = (text: string) => extractFacts(text, codes).map((f) => `${f.kind}=${f.value}`);

describe("extractFacts: evidence in plain words, echoed as typed", () => {
  it("reads a station name and the 6-byte MAC with colons", () => {
    expect(kinds("station CPF-6, MAC 00:0D:6F:00:12:34")).toEqual(["station=CPF-6", "mac=00:0D:6F:00:12:34"]);
  });

  it("reads the dashboard's two MAC forms and the dash form, and the serial next to them", () => {
    expect(kinds("MAC Address 0024:B100:0003:9296 Serial number 193841021514")).toEqual([
      "mac=0024:B100:0003:9296",
      "serial=193841021514",
    ]);
    expect(kinds("0024B10000039296 or 00-0d-6f-00-12-34")).toEqual(["mac=0024B10000039296", "mac=00-0d-6f-00-12-34"]);
  });

  it("reads an ICCID, Plug In Event ids, a port, a fault code as typed and dates", () => {
    expect(kinds("GSM ICCID 89332401000023151125")).toEqual(["iccid=89332401000023151125"]);
    expect(kinds("plug in event ids 1649444007 739 738")).toEqual(["plug-in-event=1649444007 739 738"]);
    expect(kinds("303rsc on port 2 since 2025-03-01 and 3/4/2025")).toEqual([
      "fault-code=303rsc",
      "port=port 2",
      "date=2025-03-01",
      "date=3/4/2025",
    ]);
  });

  it("reads counts with their period, and a pasted Get Latest Status line whole", () => {
    expect(kinds("the alarm log shows two RSC in the last 90 days")).toEqual(["count=two RSC in the last 90 days"]);
    const line = "2,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA";
    expect(kinds(`after the reboot:\n${line}`)).toEqual([`latest-status=${line}`]);
  });

  it("takes nothing from ordinary questions", () => {
    expect(kinds("the station screen says access denied")).toEqual([]);
    expect(kinds("firmware stuck at 4.6")).toEqual([]);
    expect(kinds("station is faulted")).toEqual([]);
  });

  it("tells a message of facts from a question that mentions one", () => {
    const facts = (t: string) => extractFacts(t, codes);
    expect(mostlyFacts("station CPF-6", facts("station CPF-6"))).toBe(true);
    const question = "why does the dashboard show port 2 as faulted when the driver is charging";
    expect(mostlyFacts(question, facts(question))).toBe(false);
  });

  it("reads a station named without the word station, where a station is placed", () => {
    expect(kinds("fault 303-RSC on CPF-6")).toEqual(["fault-code=303-RSC", "station=CPF-6"]);
    expect(kinds("303-RSC at CPF-6")).toEqual(["fault-code=303-RSC", "station=CPF-6"]);
    expect(kinds("CPF-6 shows 303-RSC")).toEqual(["station=CPF-6", "fault-code=303-RSC"]);
    expect(kinds("relay stuck on SCD-7250-South-RG3 since Monday")).toEqual(["station=SCD-7250-South-RG3"]);
  });

  it("never takes a model, a time, a connector, a level, a code or an ordinary word for a station", () => {
    for (const text of [
      "fault 303-RSC on Monday at 5pm",
      "303-RSC on the CT4020",
      "relay stuck on a CPF50-L23",
      "faulted at 10:30am on the 2nd",
      "earth fault on J1772 at L2",
      "303-RSC on RSC303",
      "firmware stuck at v4.6 on port2",
      "station is down at the garage",
      "fault on Nov-28",
    ]) {
      expect(
        kinds(text).filter((k) => k.startsWith("station=")),
        text,
      ).toEqual([]);
    }
  });
});
