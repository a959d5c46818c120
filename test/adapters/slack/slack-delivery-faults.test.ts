import { afterEach, describe, expect, it } from "vitest";
import type { Fault } from "./fake-slack-api.ts";
import { type SeenMessage, SlackHarness, textOf } from "./slack-harness.ts";

let slack: SlackHarness | undefined;
afterEach(async (context) => {
  if (context.task.result?.state === "fail" && process.env.DEBUG_LOGS) console.log(slack?.logs.join("\n"));
  await slack?.close();
  slack = undefined;
});

const faults: [string, Fault][] = [
  ["500", { kind: "500" }],
  ["429 with Retry-After", { kind: "429", retryAfterSeconds: 1 }],
  ["a timeout", { kind: "timeout" }],
  ["a connection reset", { kind: "reset" }],
];

/** Waits (real time: the outbox retries on its own clock) until `done` holds, or fails after `ms`. */
async function until(done: () => boolean | Promise<boolean>, ms = 12_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error("timed out waiting for the reply");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Slack with short delivery timeouts, so a hanging API costs the test a second, not ten. */
const start = () => SlackHarness.start({}, { retryConfig: { retries: 0 }, timeout: 700 });

function threadReplies(h: SlackHarness, ts: string): SeenMessage[] {
  return h.messagesIn("COPS00001").filter((m) => m.threadTs === ts);
}

describe.each(process.env.ONLY_FAULT ? faults.filter(([n]) => n === process.env.ONLY_FAULT) : faults)(
  "Slack answering %s: every reply arrives exactly once after the fault clears",
  (_name, fault) => {
    it("a mention", async () => {
      slack = await start();
      const h = slack;
      h.api.failDeliveries(fault);
      const { envelope, ts } = h.mention("fault 303-RSC");
      expect((await h.event(envelope)).status).toBe(200);
      await until(() => h.api.faulted > 0);
      expect(threadReplies(h, ts)).toEqual([]);
      h.api.clearFault();
      await until(() => threadReplies(h, ts).length > 0);
      await h.server.outbox.idle();
      // Slack's own redelivery of the same event changes nothing.
      await h.event(envelope, { retryNum: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const replies = threadReplies(h, ts);
      expect(replies.length).toBeGreaterThan(0);
      expect(new Set(replies.map((m) => m.ts)).size).toBe(replies.length);
      expect(textOf(replies[0])).toContain("303-RSC");
      expect(await h.server.store.countDeliveries()).toMatchObject({ pending: 0, dead: 0 });
    });

    it("a slash command (answered in the acknowledgement when it fits, else through the outbox)", async () => {
      slack = await start();
      const h = slack;
      h.api.failDeliveries(fault);
      const acked = await h.command(h.slash("list", "cmd-fault"));
      expect(acked.status).toBe(200);
      const inline = h.api.responses.some((r) => r.id === "cmd-fault" && r.body.inline);
      if (!inline) await until(() => h.api.faulted > 0);
      h.api.clearFault();
      await until(() => h.responsesTo("cmd-fault").length > 0);
      await h.server.outbox.idle();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // Answered in the acknowledgement: no row at all (ack first, write after); else one row, delivered.
      expect(await h.server.store.countDeliveries()).toMatchObject({ pending: 0, dead: 0, delivered: inline ? 0 : 1 });
      // One answer: in the acknowledgement or through the response_url, never both, no message twice.
      const answers = h.responsesTo("cmd-fault").map((r) => r.text);
      if (inline) expect(answers).toHaveLength(1);
      expect(new Set(answers).size).toBe(answers.length);
      expect(answers[0]).toContain("Playbooks");
    });

    it("a slash command too long for the acknowledgement", async () => {
      slack = await start();
      const h = slack;
      h.api.failDeliveries(fault);
      // Two playbooks' overviews do not fit one message: the answer must go through the response_url.
      const acked = await h.command(h.slash("fault 303-RSC 304-RSO", "cmd-long"));
      expect(acked.status).toBe(200);
      h.api.clearFault();
      await until(() => h.responsesTo("cmd-long").length > 0);
      await h.server.outbox.idle();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await h.server.store.countDeliveries()).toMatchObject({ pending: 0, dead: 0 });
      const answers = h.responsesTo("cmd-long").map((r) => JSON.stringify(r));
      expect(new Set(answers).size).toBe(answers.length);
    });

    it("a button press that edits the card", async () => {
      slack = await start();
      const h = slack;
      const { envelope, ts } = h.mention("fault 303-RSC");
      await h.event(envelope);
      const card = threadReplies(h, ts).find((m) => m.blocks.some((b) => b.type === "actions"));
      h.api.failDeliveries(fault);
      const before = h.api.callsOf("chat.update").length + h.api.callsOf("chat.postMessage").length;
      await h.press(card, buttonLabel(card));
      await until(() => h.api.faulted > 0);
      h.api.clearFault();
      await until(() => h.api.callsOf("chat.update").length + h.api.callsOf("chat.postMessage").length > before);
      await h.server.outbox.idle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = h.api.callsOf("chat.update").length + h.api.callsOf("chat.postMessage").length;
      const row = await h.server.store.countDeliveries();
      expect(row).toMatchObject({ pending: 0, dead: 0 });
      // The press was answered once: as many successful posts/edits as one delivery of its reply makes.
      expect(after - before).toBeGreaterThan(0);
      expect(row.delivered).toBe(2);
    });
  },
);

function buttonLabel(card: SeenMessage | undefined): string {
  const first = card?.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))[0];
  if (!first) throw new Error("the answer has no buttons");
  return first.text.text;
}
