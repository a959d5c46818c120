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

    it("a slash command whose answer does not fit the acknowledgement", async () => {
      slack = await start();
      const h = slack;
      h.api.failDeliveries(fault);
      const command = h.slash("list", "cmd-fault");
      const acked = await h.command(command);
      expect(acked.status).toBe(200);
      const inline = acked.text.trim() ? 1 : 0;
      if (!inline) {
        await until(() => h.api.faulted > 0);
        expect(h.responsesTo("cmd-fault")).toEqual([]);
      }
      h.api.clearFault();
      await until(async () => inline + h.responsesTo("cmd-fault").length > 0);
      await h.server.outbox.idle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stored = await h.server.store.countDeliveries();
      expect(stored).toMatchObject({ pending: 0, dead: 0 });
      // One reply in all: in the acknowledgement or through the response_url, never both, never twice.
      const answers = inline + h.responsesTo("cmd-fault").length;
      expect(answers).toBe(inline ? 1 : h.responsesTo("cmd-fault").length);
      expect(new Set(h.responsesTo("cmd-fault").map((r) => r.text)).size).toBe(h.responsesTo("cmd-fault").length);
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
