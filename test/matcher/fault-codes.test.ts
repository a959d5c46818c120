import { describe, expect, it } from "vitest";
import { realMatcher } from "./real-matcher.ts";

describe("fault codes in every form go straight to their playbook", () => {
  const { matcher } = realMatcher();
  const forms: [string, string][] = [
    ["303-RSC", "relay-stuck-closed"],
    ["303RSC", "relay-stuck-closed"],
    ["303 rsc", "relay-stuck-closed"],
    ["rsc on port 1", "relay-stuck-closed"],
    ["error 307", "hardware-fault"],
    ["HE fault on port 2", "hardware-fault"],
    ["code 18", "pilot-unreachable"],
    ["Needs service, Reason: Pilot Unreachable (18)", "pilot-unreachable"],
    ["305", "pilot-unreachable"],
    ["lco", "pilot-unreachable"],
    ["station faulted with EF", "earth-ground-fault"],
    ["fault code: 202", "earth-ground-fault"],
    ["301-ba", "breakaway"],
    ["alarm log: Cable breakaway detected on port 2", "breakaway"],
    ["Earth Fault Station out of service", "earth-ground-fault"],
    // Letters first: the code's own letters, or "e"/"err" for error.
    ["RSC303 again", "relay-stuck-closed"],
    ["ef-202 on the lobby unit", "earth-ground-fault"],
    ["E305 after the storm", "pilot-unreachable"],
    ["err307", "hardware-fault"],
  ];
  for (const [text, playbook] of forms) {
    it(`"${text}" → ${playbook}`, () => {
      const result = matcher.match(text);
      expect(result.kind).toBe("fault-code");
      expect(result.playbook).toBe(playbook);
      expect(result.confidence).toBe(1);
      expect(result.explanation.rule).toMatch(/^fault code \d{3}-[A-Z]+/);
    });
  }

  it("two different codes in one message ask which one", () => {
    const result = matcher.match("saw 303-RSC yesterday and 307-HE today");
    expect(result.kind).toBe("ambiguous");
    expect([result.playbook, ...result.alternatives.map((a) => a.playbook)].sort()).toEqual([
      "hardware-fault",
      "relay-stuck-closed",
    ]);
  });

  it("quantities, versions and dates that look numeric are not codes", () => {
    for (const text of [
      "240 vac at the panel",
      "firmware 4.6.0.305 is out",
      "session on 2024-07-09",
      "he said the lot is full",
      "ct4000 on a 40 amp breaker",
      "cpf050 port 1",
      "xy303 is not a form of any code",
    ]) {
      const result = matcher.match(text);
      expect(result.kind, text).not.toBe("fault-code");
      expect(result.kind, text).not.toBe("unknown-fault-code");
    }
  });
});

describe("a code-shaped token that is not in the guide", () => {
  const { matcher, playbooks } = realMatcher();
  const guideCodes = playbooks.flatMap((p) => (p.errorLogs?.faultCodes ?? []).map((f) => f.code)).sort();

  for (const text of ["999-XY", "getting error 404 on the station", "fault code 12 on port 1"]) {
    it(`"${text}" gets an unknown-fault-code answer listing every known code`, () => {
      const result = matcher.match(text);
      expect(result.kind).toBe("unknown-fault-code");
      expect(result.playbook).toBeNull();
      expect(result.unknownCode).toBeTruthy();
      expect(result.knownCodes?.map((k) => k.code).sort()).toEqual(guideCodes);
      expect(result.explanation.note).toContain("303-RSC");
    });
  }
});
