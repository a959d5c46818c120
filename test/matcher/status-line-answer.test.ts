import { describe, expect, it } from "vitest";
import { buildStatusLineIndex, statusLineAnswer } from "../../src/matcher/status-line-answer.ts";
import { realMatcher } from "./real-matcher.ts";

const line = (port: number, state: string, field: string) =>
  `${port},J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,${state},NO_VEHICLE,IDLE,0,NONE,${field},NONE,0xA1,NA`;

describe("a pasted Get Latest Status port line", () => {
  const { matcher, playbooks } = realMatcher();

  it("learns each faulted example line from the playbooks' own text", () => {
    const index = buildStatusLineIndex(playbooks);
    expect(index.get("9")).toEqual(["hardware-fault"]);
    expect(index.get("8")?.sort()).toEqual(["pilot-unreachable", "relay-stuck-closed"]);
  });

  it("an out-of-service port with fault field 9 is the hardware fault, whatever words surround it", () => {
    const result = matcher.match(`pulled this from status/actions: ${line(2, "OUT_OF_SERVICE", "9")} ideas?`);
    expect(result).toMatchObject({ kind: "match", playbook: "hardware-fault" });
    expect(result.explanation.rule).toContain("fault field 9");
  });

  it("fault field 8 is shown in two articles, so the answer asks which", () => {
    const result = matcher.match(`latest status: ${line(1, "OUT_OF_SERVICE", "8")}`);
    expect(result.kind).toBe("ambiguous");
    expect([result.playbook, ...result.alternatives.map((a) => a.playbook)].sort()).toEqual([
      "pilot-unreachable",
      "relay-stuck-closed",
    ]);
  });

  it("a healthy line or a field no example shows is not a rule answer, and 'status: 1,' is not a code", () => {
    expect(statusLineAnswer(line(1, "AVAILABLE", "NONE"), buildStatusLineIndex(playbooks))).toBeUndefined();
    expect(statusLineAnswer(line(1, "OUT_OF_SERVICE", "5"), buildStatusLineIndex(playbooks))).toBeUndefined();
    expect(matcher.match(`status: ${line(1, "AVAILABLE", "NONE")}`).kind).not.toBe("unknown-fault-code");
  });
});

describe("a port line cut short, or a number asked about beside the status line's name (ninth round)", () => {
  const { matcher, playbooks } = realMatcher();
  const index = buildStatusLineIndex(playbooks);

  it("reads the fault field of a line pasted from its state on", () => {
    const result = matcher.match(
      "status/actions gave ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,9 on port 2 - next?",
    );
    expect(result).toMatchObject({ kind: "match", playbook: "hardware-fault" });
    expect(statusLineAnswer("OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8", index)?.kind).toBe("ambiguous");
  });

  it("answers a number asked about in the latest status", () => {
    expect(matcher.match("what is the 9 near the end of get latest status").playbook).toBe("hardware-fault");
  });

  it("leaves numbers that are not the fault field, and numbers with no status line named", () => {
    expect(statusLineAnswer("ENABLE,AVAILABLE,NO_VEHICLE,IDLE,0,NONE,NONE", index)).toBeUndefined();
    expect(statusLineAnswer("latest status after waiting the 9 minutes", index)).toBeUndefined();
    expect(statusLineAnswer("what does the 9 on the parking sign mean", index)).toBeUndefined();
  });
});
