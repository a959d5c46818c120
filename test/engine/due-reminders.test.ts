import { describe, expect, it } from "vitest";
import { dueReminders } from "../../src/engine/due-reminders.ts";
import type { EscalationRecord, EscalationStatus } from "../../src/store/store.ts";

const t0 = Date.parse("2026-11-02T10:00:00.000Z");
const iso = (ms: number) => new Date(t0 + ms).toISOString();
const min = 60_000;
const ann = { id: "U1", name: "ann" };
const sam = { id: "U2", name: "sam" };

function escalation(id: string, status: EscalationStatus, history: [EscalationStatus, number][]): EscalationRecord {
  return {
    id,
    idempotencyKey: `k-${id}`,
    sessionKey: `s-${id}`,
    requester: ann,
    origin: { platform: "slack", channelId: "C1", threadId: "1.1" },
    handoff: {},
    status,
    ...(status === "claimed" ? { claimedBy: sam } : {}),
    history: history.map(([to, at], i) => ({
      from: i === 0 ? null : history[i - 1]![0],
      to,
      by: i === 0 ? ann : sam,
      at: iso(at),
    })),
    delivery: {},
    createdAt: iso(0),
    updatedAt: iso(history.at(-1)![1]),
  };
}

describe("dueReminders", () => {
  const open = escalation("ESC-1", "open", [["open", 0]]);

  it("says nothing before the period is over", () => {
    expect(dueReminders([open], new Date(t0 + 29 * min), 30 * min)).toEqual([]);
  });

  it("reminds the thread once the period is over, then mentions the responders after a second period", () => {
    const first = dueReminders([open], new Date(t0 + 31 * min), 30 * min);
    expect(first.map((r) => [r.kind, r.dueAt])).toEqual([["unclaimed", iso(30 * min)]]);
    const second = dueReminders([open], new Date(t0 + 61 * min), 30 * min);
    expect(second.map((r) => r.kind)).toEqual(["responders"]);
    expect(second[0]?.key).not.toBe(first[0]?.key);
  });

  it("reminds the claimer of a claimed escalation with no news, by mention", () => {
    const claimed = escalation("ESC-2", "claimed", [
      ["open", 0],
      ["claimed", 5 * min],
    ]);
    expect(dueReminders([claimed], new Date(t0 + 34 * min), 30 * min)).toEqual([]);
    const [idle] = dueReminders([claimed], new Date(t0 + 36 * min), 30 * min);
    expect(idle).toMatchObject({ kind: "idle", mention: sam, dueAt: iso(35 * min) });
  });

  it("starts counting again from a reopen, so the keys of a new waiting period are new", () => {
    const reopened = escalation("ESC-3", "open", [
      ["open", 0],
      ["claimed", 5 * min],
      ["open", 40 * min],
    ]);
    const [r] = dueReminders([reopened], new Date(t0 + 71 * min), 30 * min);
    expect(r).toMatchObject({ kind: "unclaimed", dueAt: iso(70 * min) });
    expect(r?.key).toContain(iso(40 * min));
  });

  it("sends nothing for escalations waiting on the requester, resolved ones, or reminders a day stale", () => {
    const waiting = escalation("ESC-4", "need-info", [
      ["open", 0],
      ["need-info", min],
    ]);
    const resolved = escalation("ESC-5", "resolved", [
      ["open", 0],
      ["resolved", min],
    ]);
    expect(dueReminders([waiting, resolved], new Date(t0 + 120 * min), 30 * min)).toEqual([]);
    expect(dueReminders([open], new Date(t0 + 25 * 60 * min), 30 * min)).toEqual([]);
  });
});
