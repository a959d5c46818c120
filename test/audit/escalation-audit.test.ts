import { afterEach, describe, expect, it } from "vitest";
import { type AuditEntry, auditEntries, auditToText } from "../../src/audit/audit-log.ts";
import { escalationAudit, transitionAction } from "../../src/audit/escalation-audit.ts";
import type { AnalyticsEvent } from "../../src/store/store.ts";
import { runCli } from "../cli/cli-io.ts";
import { ann, Harness, sue } from "../engine/engine-harness.ts";
import { escId } from "../escalation-id.ts";

let h: Harness;
afterEach(() => h?.close());

const support = { platform: "slack" as const, channelId: "C-SUPPORT" };

async function audit(): Promise<AuditEntry[]> {
  return auditEntries((await h.store.listEvents({ types: ["audit"] })) as AnalyticsEvent[]);
}

/** The escalation lines only: action, who, which escalation, what was said. */
const lines = (entries: AuditEntry[]) =>
  entries.filter((e) => e.escalation).map((e) => [e.action, e.by, e.escalation, e.text ?? null]);

describe("escalation changes are explicit audit lines", () => {
  it("opened (with its note), claimed, need info, information given, evidence added and resolved", async () => {
    h = new Harness();
    await h.say("relay stuck closed");
    await h.cp("escalate station keeps faulting, call me on 408 555 0134");
    const handoff = h.transport.posts[0];
    const onHandoff = { user: sue, conversation: support, messageId: handoff?.messageId };
    const claimed = await h.press(handoff?.card, "Claim", onHandoff);
    const asked = await h.press(claimed.cards[0], "Need info", { ...onHandoff, inputs: { note: "which port?" } });
    await h.say("port 2, station CPF-6");
    await h.say("MAC 00:0D:6F:00:12:34");
    const reclaimed = await h.press(asked.cards[0], "Claim", onHandoff);
    await h.press(reclaimed.cards[0], "Resolve", { ...onHandoff, inputs: { note: "head replaced" } });

    const entries = await audit();
    const id = await escId(h.store, 1);
    expect(lines(entries)).toEqual([
      ["escalation-opened", ann.id, id, "station keeps faulting, call me on [phone]"],
      ["escalation-claimed", sue.id, id, null],
      ["escalation-need-info", sue.id, id, "which port?"],
      ["escalation-info-given", ann.id, id, "port 2, station CPF-6"],
      ["evidence-added", ann.id, id, "MAC [mac]"],
      ["escalation-claimed", sue.id, id, null],
      ["escalation-resolved", sue.id, id, "head replaced"],
    ]);
    // Each line says the status it moved between, and each is stored with the change it records.
    expect(entries.find((e) => e.action === "escalation-need-info")?.details).toEqual({
      from: "claimed",
      to: "need-info",
    });
    expect(entries.find((e) => e.action === "escalation-opened")?.details).toMatchObject({ trigger: "command" });
    expect(entries.every((e) => e.playbook === "relay-stuck-closed")).toBe(true);
  });

  it("the requester's cancel is its own line; a repeated press that changes nothing adds none", async () => {
    h = new Harness();
    await h.say("relay stuck closed");
    const opened = await h.cp("escalate");
    const cancel = await h.press(opened.cards[0], "Cancel escalation");
    const id = await escId(h.store, 1);
    expect(cancel.cards[0]?.title).toBe(`Cancelled: ${id}`);
    await h.press(opened.cards[0], "Cancel escalation");
    const handoff = h.transport.posts[0];
    // Resolve on an escalation already resolved changes nothing, so nothing is logged.
    await h.press(handoff?.card, "Resolve", { user: sue, conversation: support, messageId: handoff?.messageId });
    expect(lines(await audit())).toEqual([
      ["escalation-opened", ann.id, id, "relay stuck closed"],
      ["escalation-cancelled", ann.id, id, "Cancelled by the requester."],
    ]);
  });

  it("cpbot audit shows them, as text and as JSON", async () => {
    h = new Harness();
    await h.say("relay stuck closed");
    await h.cp("escalate");
    const handoff = h.transport.posts[0];
    await h.press(handoff?.card, "Claim", { user: sue, conversation: support, messageId: handoff?.messageId });
    const text = await runCli(["audit", "--database", h.file]);
    expect(text.status, text.err).toBe(0);
    expect(text.out).toMatch(
      /escalation-opened\s+U-ANN\s+slack\s+ESC-[A-Z]{4}-0001 relay-stuck-closed "relay stuck closed"/,
    );
    expect(text.out).toMatch(/escalation-claimed\s+U-SUE\s+slack\s+ESC-[A-Z]{4}-0001 relay-stuck-closed/);
    const json = JSON.parse((await runCli(["audit", "--json", "--database", h.file])).out) as AuditEntry[];
    expect(json.map((e) => e.action)).toEqual(["escalation-opened", "escalation-claimed"]);
  });
});

describe("escalationAudit", () => {
  const escalation = { id: "ESC-0009", playbook: "waitlist", status: "claimed" as const };

  it("names a move back to open a reopening", () => {
    expect(transitionAction("open")).toBe("escalation-reopened");
    expect(transitionAction("need-info")).toBe("escalation-need-info");
  });

  it("keeps the status moved between, or the status when nothing moved, and no empty text", () => {
    expect(escalationAudit("escalation-claimed", escalation, { from: "open", text: "  " })).toEqual({
      playbook: "waitlist",
      data: { action: "escalation-claimed", escalation: "ESC-0009", from: "open", to: "claimed" },
    });
    expect(escalationAudit("evidence-added", escalation, { text: "port 2" })).toEqual({
      playbook: "waitlist",
      text: "port 2",
      data: { action: "evidence-added", escalation: "ESC-0009", status: "claimed" },
    });
  });

  it("reads back through auditEntries as aligned text", () => {
    const event: AnalyticsEvent = {
      type: "audit",
      at: "2026-11-02T09:00:00.000Z",
      platform: "teams",
      user: "U-SUE",
      ...escalationAudit("escalation-info-given", escalation, { text: "mail bo@example.com", from: "need-info" }),
    };
    const [entry] = auditEntries([event]);
    expect(entry).toMatchObject({ action: "escalation-info-given", by: "U-SUE", text: "mail [email]" });
    expect(auditToText([entry!])).toBe(
      '2026-11-02T09:00:00.000Z  escalation-info-given U-SUE        teams  ESC-0009 waitlist "mail [email]"',
    );
  });
});
