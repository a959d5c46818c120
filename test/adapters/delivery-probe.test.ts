import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Fault } from "./slack/fake-slack-api.ts";
import { SlackHarness } from "./slack/slack-harness.ts";
import { BotFrameworkTokens } from "./teams/bot-framework-tokens.ts";
import { type ConnectorCall, FakeConnector } from "./teams/fake-connector.ts";
import { pressActivity } from "./teams/teams-activities.ts";
import { fixture } from "./teams/teams-harness.ts";
import { nockTeamsLogin, TeamsServeHarness, until } from "./teams/teams-serve-harness.ts";

/**
 * The delivery probe, rerun: the platform answers every delivery with 500, or 429 + Retry-After,
 * for a while (PROBE_FAULT_MS, default 3 s; the probe used 15 s: PROBE_FAULT_MS=15000), while
 * five of each kind of request arrive. Afterwards every request must have had its reply delivered, none
 * twice. PROBE_REPORT=1 prints the figures (docs/security.md quotes a 15 s run).
 */
const faultMs = Number(process.env.PROBE_FAULT_MS ?? 3000);
const n = 5;
const report = (line: string) => {
  if (process.env.PROBE_REPORT) console.log(`probe: ${line}`);
};

let slack: SlackHarness | undefined;
let teams: TeamsServeHarness | undefined;
let tokens: BotFrameworkTokens;
beforeAll(async () => {
  tokens = await BotFrameworkTokens.create();
  nockTeamsLogin();
});
afterEach(async () => {
  await slack?.close();
  await teams?.close();
  slack = undefined;
  teams = undefined;
});

/** Accepted sends that repeat one already accepted (same place, same message, same content). */
function duplicates(keys: string[]): number {
  return keys.length - new Set(keys).size;
}

const slackFaults: [string, Fault][] = [
  ["500", { kind: "500" }],
  ["429 + Retry-After", { kind: "429", retryAfterSeconds: 2 }],
];

describe.each(slackFaults)("probe: Slack Web API and response_url answering %s", (name, fault) => {
  it(`${n} mentions, ${n} slash commands and ${n} button presses: every reply delivered once`, async () => {
    slack = await SlackHarness.start({}, { retryConfig: { retries: 0 }, timeout: 700 });
    const h = slack;
    // The cards to press, answered before the fault.
    const cards = [];
    for (let i = 0; i < n; i++) {
      const { envelope, ts } = h.mention("fault 303-RSC", { channel: "COPS00001" });
      await h.event(envelope);
      cards.push(
        h.messagesIn("COPS00001").find((m) => m.threadTs === ts && m.blocks.some((b) => b.type === "actions")),
      );
    }
    await h.server.idle();
    const before = await h.server.store.countDeliveries();
    const sentBefore = h.api.calls.length;
    h.api.failDeliveries(fault);
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      await h.event(h.mention("what does 303-RSC mean").envelope);
      await h.command(h.slash("list", `probe-cmd-${i}`));
      await h.press(cards[i], "Start walkthrough");
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, faultMs - (Date.now() - started))));
    h.api.clearFault();
    await until(async () => (await h.server.store.countDeliveries()).pending === 0, 60_000);
    await h.server.idle();
    const after = await h.server.store.countDeliveries();
    // A command answered in its acknowledgement has no outbox row (answer first, write after): the
    // acknowledgement was its delivery. The others went through the outbox like every other reply.
    const inline = h.api.responses.filter((r) => r.id.startsWith("probe-cmd-") && r.body.inline).length;
    const commandsAnswered = new Set(h.api.responses.filter((r) => r.id.startsWith("probe-cmd-")).map((r) => r.id))
      .size;
    const delivered = after.delivered - before.delivered + inline;
    const accepted = h.api.calls
      .slice(sentBefore)
      .filter((c) => (c.result as { ok?: boolean } | undefined)?.ok === true && c.method.startsWith("chat."))
      .map((c) => JSON.stringify([c.method, c.body.channel, c.body.thread_ts, c.body.ts, c.body.blocks]));
    const responses = h.api.responses.filter((r) => r.id.startsWith("probe-cmd-")).map((r) => JSON.stringify(r));
    const dupes = duplicates(accepted) + duplicates(responses);
    report(
      `Slack ${name} for ${faultMs} ms: ${delivered}/${3 * n} replies delivered, ${after.dead} dead, ${dupes} duplicates`,
    );
    expect({ delivered, commandsAnswered, dead: after.dead, dupes }).toEqual({
      delivered: 3 * n,
      commandsAnswered: n,
      dead: 0,
      dupes: 0,
    });
  }, 90_000);
});

const teamsFaults: [string, { kind: "500" } | { kind: "429"; retryAfterSeconds: number }][] = [
  ["500", { kind: "500" }],
  ["429 + Retry-After", { kind: "429", retryAfterSeconds: 2 }],
];

describe.each(teamsFaults)("probe: Teams Bot Connector answering %s", (name, fault) => {
  it(`${n} messages and ${n} card button presses: every reply delivered once`, async () => {
    teams = await TeamsServeHarness.start(tokens);
    const t = teams;
    const message = (i: number, text: string) => {
      const activity = fixture("personal-message");
      return {
        ...activity,
        id: `probe-${text.length}-${i}`,
        text,
        conversation: { ...activity.conversation, id: `a:probe-conversation-${i}` },
      };
    };
    for (let i = 0; i < n; i++) await t.send(message(i, "fault 303-RSC"));
    await t.server.idle();
    const inConversation = (i: number) => (c: ConnectorCall) => c.conversationId === `a:probe-conversation-${i}`;
    const cards = Array.from({ length: n }, (_, i) => t.connector.delivered().find(inConversation(i)));
    const before = await t.server.store.countDeliveries();
    const sentBefore = t.connector.calls.length;
    t.connector.failAll(fault);
    const started = Date.now();
    const sends: Promise<number>[] = [];
    for (let i = 0; i < n; i++) {
      sends.push(t.send(message(i, "what does 303-RSC mean")));
      const card = cards[i];
      const press = pressActivity(card, "Start walkthrough", {
        messageId: card?.messageId ?? "",
        conversationId: `a:probe-conversation-${i}`,
      });
      sends.push(t.send({ ...press, id: `probe-press-${i}` }));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, faultMs - (Date.now() - started))));
    t.connector.clearFault();
    expect((await Promise.all(sends)).every((status) => status === 200)).toBe(true);
    await until(async () => (await t.server.store.countDeliveries()).pending === 0, 60_000);
    await t.server.idle();
    const after = await t.server.store.countDeliveries();
    const delivered = after.delivered - before.delivered;
    const accepted = t.connector.calls
      .slice(sentBefore)
      .filter((c) => c.messageId !== undefined)
      .map((c) => JSON.stringify([c.method, c.conversationId, c.activityId, FakeConnector.cardsOf(c)]));
    const dupes = duplicates(accepted);
    report(
      `Teams ${name} for ${faultMs} ms: ${delivered}/${2 * n} replies delivered, ${after.dead} dead, ${dupes} duplicates`,
    );
    expect({ delivered, dead: after.dead, dupes }).toEqual({ delivered: 2 * n, dead: 0, dupes: 0 });
  }, 90_000);
});
