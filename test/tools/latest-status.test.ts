import { describe, expect, it } from "vitest";
import { type LatestStatusData, latestStatusTool } from "../../src/tools/latest-status.ts";
import { parseStatusLine } from "../../src/tools/status-line.ts";

// The guide's own lines (Hardware Fault, Pilot Unreachable and Relay Stuck Closed articles).
const cleared = [
  "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,AVAILABLE,NO_VEHICLE,IDLE,0,NONE,NONE,NONE,0xA1,NA",
  "2,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,AVAILABLE,NO_VEHICLE,IDLE,0,NONE,NONE,NONE,0xA1,NA",
].join("\n\n");
const remains = [
  "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,9,NONE,0xA1,NA",
  "2,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,NONE,NONE,0xA1,NA",
].join("\n\n");
const pilot = "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA";

describe("latest status: the guide's examples", () => {
  it("decodes each field of a port line", () => {
    const parsed = parseStatusLine(pilot);
    expect(parsed).toMatchObject({
      ok: true,
      port: {
        port: 1,
        connector: "J1772",
        revisions: { fwRev: "32", ssm1Rev: "40", ssm2Rev: "40" },
        enabled: true,
        portState: "OUT_OF_SERVICE",
        vehicleState: "NO_VEHICLE",
        faultField: "8",
      },
    });
  });

  it('says "fault cleared" when both ports are AVAILABLE', () => {
    const r = latestStatusTool.fromText(cleared);
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe("Fault cleared: ports 1 and 2 AVAILABLE.");
    expect(r.figures.map((f) => f.label)).toEqual(["Port 1", "Port 2"]);
    expect(r.next[0]).toMatch(/fault is cleared/);
  });

  it('says "fault remains" with the Hardware Fault next steps, port 1 breakers first', () => {
    const r = latestStatusTool.fromText(remains);
    expect(r.verdict).toBe("problem");
    expect(r.playbook).toBe("hardware-fault");
    expect(r.summary).toBe("Fault remains on ports 1 and 2 (OUT_OF_SERVICE).");
    expect(r.figures[0]!.value).toContain("fault field 9");
    expect(r.next[0]).toMatch(/dual pole breaker/);
    expect(r.next.join(" ")).toMatch(/DO NOT CLEAR THE MAINTENANCE FLAG/);
    expect(r.next.join(" ")).toMatch(/Port 2: the fault is spurious/);
    expect(r.next.at(-1)).toMatch(/consider station head replacement/);
  });

  it("gives the Pilot Unreachable next step for fault field 8 in that playbook", () => {
    const r = latestStatusTool.fromText(pilot, { playbook: "pilot-unreachable" });
    expect(r.playbook).toBe("pilot-unreachable");
    expect(r.summary).toBe("Fault remains on port 1 (OUT_OF_SERVICE).");
    expect(r.explanation.join(" ")).toContain("Port 1 has 8 in its fault field");
    expect(r.next.at(-1)).toMatch(/Pilot Unreachable has no remote fix/);
  });

  it("gives the Relay Stuck Closed 90-day alarm check when the fault cleared there", () => {
    const r = latestStatusTool.run({ status: cleared, playbook: "relay-stuck-closed" });
    expect(r.next[0]).toMatch(/last 90 days/);
  });

  it("falls back to hardware-fault for a playbook that does not read Get Latest Status", () => {
    expect(latestStatusTool.fromText(cleared, { playbook: "station-messages" }).playbook).toBe("hardware-fault");
  });
});

describe("latest status: real pastes", () => {
  it("finds port lines behind an outlet label, reads lcdstate and names the lines it skipped", () => {
    const paste = `outlet ${pilot.replace("OUT_OF_SERVICE", "AVAILABLE").replace(",8,", ",NONE,")}\nrfidinfo 210326, UIC 68FCA911_V1.1\nlcdstate = PortState[1,2]=Available,Available`;
    const r = latestStatusTool.fromText(paste, { playbook: "pilot-unreachable" });
    expect(r.verdict).toBe("ok");
    expect(r.figures).toContainEqual({ label: "lcdstate", value: "1=AVAILABLE, 2=AVAILABLE" });
    expect(r.explanation.join(" ")).toContain('line 2 ("rfidinfo 210326,UIC 68FCA911_V1.1")');
  });

  it("reads two port lines on one row and spaces after commas", () => {
    const r = latestStatusTool.fromText(cleared.replace("\n\n", " ").replace("J1772,", "J1772, "));
    expect((r.data as LatestStatusData).ports.map((p) => p.port)).toEqual([1, 2]);
  });

  it("flags a port that is neither AVAILABLE nor OUT_OF_SERVICE, or disabled", () => {
    const r = latestStatusTool.fromText(cleared.replace("ENABLE,AVAILABLE", "DISABLE,AVAILABLE"));
    expect(r.verdict).toBe("warning");
    expect(r.summary).toBe("No port is OUT_OF_SERVICE, but port 1 is not AVAILABLE.");
  });
});

describe("latest status: malformed pastes", () => {
  it("names a truncated line and what a port line looks like", () => {
    const r = latestStatusTool.fromText("1,J1772,FwRev=32");
    expect(r.verdict).toBe("invalid");
    expect(r.errors[0]).toMatchObject({ field: "line 1", code: "unreadable_port_line" });
    expect(r.errors[0]!.message).toMatch(
      /^Line 1 \("1,J1772,FwRev=32"\) is not a complete port line: it has 3 comma-separated fields where a port line has 16, e\.g\. 1,J1772,FwRev=32/,
    );
  });

  it("names each wrong field and what it should be", () => {
    const bad = pilot.replace("FwRev=32", "32").replace("ENABLE", "MAYBE").replace(",8,", ",x,");
    const message = latestStatusTool.fromText(bad).errors[0]!.message;
    expect(message).toContain('field 3 should be FwRev=<revision>, got "32"');
    expect(message).toContain('field 7 should be ENABLE or DISABLE, got "MAYBE"');
    expect(message).toContain('field 13 should be NONE or a number (e.g. 9), got "x"');
  });

  it("names every line of a paste with no port line at all", () => {
    const r = latestStatusTool.fromText("hello\nworld");
    expect(r.errors.map((e) => e.field)).toEqual(["line 1", "line 2"]);
    expect(r.errors[0]!.message).toMatch(
      /^Line 1 \("hello"\) is not a port line: expected a line from Get Latest Status like 1,J1772/,
    );
  });

  it("refuses the same port twice", () => {
    const r = latestStatusTool.fromText(`${pilot}\n${pilot}`);
    expect(r.errors[0]!.message).toBe(
      "Port 1 appears on lines 1 and 2: paste the port lines of one Get Latest Status at a time",
    );
  });

  it("refuses an empty paste and a huge one", () => {
    expect(latestStatusTool.fromText("   ").errors[0]!.message).toMatch(/^Nothing to check/);
    expect(latestStatusTool.fromText(`${pilot}\n`.repeat(2000)).errors[0]!.code).toBe("too_long");
  });
});
