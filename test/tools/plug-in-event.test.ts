import { describe, expect, it } from "vitest";
import { plugInEventTool } from "../../src/tools/plug-in-event.ts";

describe("Plug In Event IDs: the guide's example", () => {
  it("1649444007 and 1649443833 are remote starts; 739 and 738 are RFID starts going up by one", () => {
    const r = plugInEventTool.fromText("1649444007 1649443833 739 738");
    expect(r.verdict).toBe("ok");
    expect(r.data).toEqual({ rfid: [738, 739], remote: [1649444007, 1649443833], gaps: [] });
    expect(r.summary).toBe("RFID sessions are occurring: 2 RFID starts (738 → 739) and 2 remote starts.");
    expect(r.next[0]).toMatch(/check the driver's or fleet user's card for damage/);
  });

  it("reads the Ended By / Plug In Event ID columns as pasted", () => {
    const paste =
      "Ended By\tPlug In Event ID\nCPS Server\t1649444007\nTimeout\t1649443833\nCustomer\t739\nPlug Out at Vehicle\t738";
    expect(plugInEventTool.fromText(paste).data).toMatchObject({ rfid: [738, 739] });
  });

  it("puts the boundary 1000000000 with remote starts and 999999999 with RFID", () => {
    expect(plugInEventTool.fromText("1000000000 999999999").data).toMatchObject({
      rfid: [999999999],
      remote: [1000000000],
    });
  });
});

describe("Plug In Event IDs: what a run tells", () => {
  it("no RFID IDs means no RFID sessions, with the RFID Reader next steps", () => {
    const r = plugInEventTool.fromText("1649444007 1649443833");
    expect(r.verdict).toBe("warning");
    expect(r.summary).toBe("No RFID starts: all 2 sessions were started remotely.");
    expect(r.next.join(" ")).toMatch(/Unknown RFID/);
    expect(plugInEventTool.fromText("1649444007").summary).toBe(
      "No RFID starts: the only session was started remotely.",
    );
  });

  it("names the RFID IDs missing from a run", () => {
    const r = plugInEventTool.fromText("745 739 738");
    expect(r.explanation).toContain("RFID IDs 740-744 are not in the list (between 739 and 745).");
    expect(plugInEventTool.fromText("741 739").explanation).toContain(
      "RFID ID 740 is not in the list (between 739 and 741).",
    );
  });

  it("counts a repeated ID once and says so", () => {
    expect(plugInEventTool.fromText("739 739").explanation).toContain("1 repeated ID(s) counted once.");
  });
});

describe("Plug In Event IDs: bad input", () => {
  it("zero, negative and fractional IDs are named", () => {
    expect(plugInEventTool.fromText("0 5").errors[0]!.message).toBe("Plug In Event ID must be at least 1; got 0");
    expect(plugInEventTool.fromText("-3").errors[0]!.message).toBe("Plug In Event ID must be at least 1; got -3");
    expect(plugInEventTool.fromText("739.5").errors[0]!.message).toMatch(
      /^Plug In Event IDs are whole numbers; found 739\.5/,
    );
    expect(plugInEventTool.run({ ids: [1.5] }).errors[0]!.message).toBe(
      "Plug In Event ID must be a whole number (e.g. 739); got 1.5",
    );
  });

  it("no IDs and an empty list say what is expected", () => {
    expect(plugInEventTool.fromText("none").errors[0]!.message).toBe(
      "No Plug In Event IDs found: give the IDs from the Historical Sessions tab, e.g. 1649444007 739 738",
    );
    expect(plugInEventTool.run({ ids: [] }).errors[0]!.message).toMatch(/^ids is empty/);
    expect(plugInEventTool.run({ ids: "739" }).errors[0]!.message).toMatch(/^ids must be a list of Plug In Event IDs/);
  });
});
