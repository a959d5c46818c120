import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escalationChannel, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

/** The turns' analytics rows and audit lines (not the server's start record). */
async function turnRows(): Promise<string[]> {
  const events = await h.server.store.listEvents();
  return events
    .filter((e) => e.type !== "audit" || (e.data as { action?: string } | undefined)?.action === "answer")
    .map((e) => e.type)
    .sort();
}

/** A slash command answered in its acknowledgement is written after it (answer-command.ts). */
describe("Slack /cp: answer first, write after", () => {
  it("writes the turn after the acknowledgement, with no outbox row, and the reports count it", async () => {
    const ack = await h.command(h.slash("fault 303-RSC", "af1"));
    expect(ack.text).toContain("Relay Stuck Closed (303-RSC)");
    // h.command waited for cpbot's in-flight work, which the turn's write is part of.
    expect(await turnRows()).toEqual(["audit", "match", "question"]);
    expect(await h.server.store.countDeliveries()).toEqual({ pending: 0, delivered: 0, dead: 0 });
    expect(h.api.responses.filter((r) => !r.body.inline)).toEqual([]);
  });

  it("/cp escalate sent the moment /cp fault is answered escalates that fault", async () => {
    // Neither request waits for cpbot's work after the acknowledgement: the second may arrive while the
    // first turn's write is still on its way to the database. (Whether it does depends on timing; the
    // engine's test in test/engine/deferred-writes.test.ts holds the write back to force that order.)
    const fault = await h.command(h.slash("fault 303-RSC", "af2"), { wait: false });
    expect(fault.text).toContain("303-RSC");
    const escalate = await h.command(h.slash("escalate", "af3"), { wait: false });
    expect(escalate.status).toBe(200);
    await h.server.idle();
    await h.server.outbox.idle();
    const handoff = h.messagesIn(escalationChannel)[0];
    expect(textOf(handoff)).toContain("303-RSC");
    const told = [escalate.text, ...h.responsesTo("af3").map(textOf)].join("\n");
    expect(told).toMatch(/Escalated to Support/);
  });
});
