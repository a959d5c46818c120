import { afterEach, describe, expect, it } from "vitest";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { FakeConnector } from "./fake-connector.ts";
import { buttonTitles, channelMessage, sue } from "./teams-activities.ts";
import {
  appId,
  appPassword,
  fixture,
  type HarnessOptions,
  outboundToken,
  supportChannel,
  TeamsHarness,
} from "./teams-harness.ts";

let h: TeamsHarness;
let connector: FakeConnector;

afterEach(async () => {
  expectValidTeamsCards(connector.calls.filter((c) => c.messageId));
  connector.dispose();
  await h.close();
});

async function start(options: HarnessOptions = {}): Promise<void> {
  connector = new FakeConnector();
  h = await TeamsHarness.start({ appId: null, ...options });
}

const isHandoff = (call: { conversationId: string }) => call.conversationId === "";
const threadOf = (activity: { conversation: { id: string } }) => activity.conversation.id;

/** Asks in a channel thread and escalates it; returns the thread's conversation id. */
async function askAndEscalate(): Promise<string> {
  const question = fixture("channel-mention");
  await h.post(question);
  await h.post(channelMessage("escalate port 2 still faulted after reboot", { conversationId: threadOf(question) }));
  return threadOf(question);
}

describe("Teams connector errors", () => {
  it("backs off on 429 and delivers on the next try, without real waiting", async () => {
    await start();
    connector.failures.push({ status: 429, body: { error: { code: "Throttled", message: "Too many requests" } } });
    await h.post(fixture("personal-message"));
    expect(connector.calls.map((c) => c.status)).toEqual([429, 201]);
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThan(0);
    expect(h.logs.join("\n")).toContain("retrying");
  });

  it("retries 412 Precondition Failed, which Teams uses for transient conflicts", async () => {
    await start();
    connector.failures.push({ status: 412 }, { status: 412 });
    await h.post(fixture("personal-message"));
    expect(connector.calls.map((c) => c.status)).toEqual([412, 412, 201]);
    // Exponential: each wait longer than the one before.
    expect(h.sleeps[1]).toBeGreaterThan(h.sleeps[0] ?? 0);
  });

  it("sends a folded card, buttons kept, when Teams answers 413 MessageSizeTooBig", async () => {
    await start();
    connector.failures.push({
      status: 413,
      body: { error: { code: "MessageSizeTooBig", message: "Message size too big" } },
    });
    await h.post(fixture("personal-message"));
    const [refused, folded] = connector.calls;
    expect(refused?.status).toBe(413);
    expect(folded?.status).toBe(201);
    expect(FakeConnector.textOf(folded!)).toContain("Shortened to fit");
    expect(buttonTitles(folded)).toEqual(buttonTitles(refused));
  });

  it("logs a reply Teams refuses for good (403) without secrets, tries a plain error card, and acknowledges", async () => {
    // With an app id, so the failed request carried a bearer token the error object holds on to.
    await start({ appId: appId, tokens: await BotFrameworkTokens.create() });
    connector.failures.push(
      {
        status: 403,
        body: { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the roster" } },
      },
      {
        status: 403,
        body: { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the roster" } },
      },
    );
    const res = await h.send(fixture("personal-message"));
    expect(res.status).toBe(200);
    expect(connector.calls.map((c) => c.status)).toEqual([403, 403]);
    expect(connector.calls[0]?.authorization).toBe(`Bearer ${outboundToken}`);
    // The second attempt was the error card.
    expect(FakeConnector.textOf(connector.calls[1]!)).toContain("Something went wrong");
    const log = h.logs.join("\n");
    expect(log).toContain("Teams turn failed");
    expect(log).toContain("could not send the error card either");
    expect(log).not.toContain(outboundToken);
    expect(log).not.toContain(appPassword);
  });

  it("keeps an escalation whose handoff cannot be posted (5xx) and posts it on retryPendingDeliveries", async () => {
    await start();
    // Retry-After: 0 lets botbuilder's own pipeline retry at once (it retries 5xx three times itself).
    for (let i = 0; i < 4; i++)
      connector.failures.push({ status: 503, headers: { "retry-after": "0" }, when: isHandoff });
    const thread = await askAndEscalate();
    expect(connector.calls.filter(isHandoff).map((c) => c.status)).toEqual([503, 503, 503, 503]);
    const told = connector.calls.filter((c) => c.conversationId === thread).at(-1);
    expect(FakeConnector.textOf(told!)).toContain("saved but not posted yet");
    expect((await h.store.getEscalation("ESC-0001"))?.delivery.handoffMessageId).toBeUndefined();
    expect((await h.store.listPendingDeliveries()).map((e) => e.id)).toEqual(["ESC-0001"]);

    await h.engine.retryPendingDeliveries();
    const handoff = connector.calls.filter(isHandoff).at(-1);
    expect(handoff?.status).toBe(201);
    expect(handoff?.body).toMatchObject({ channelData: { channel: { id: supportChannel } } });
    expect(await h.store.listPendingDeliveries()).toEqual([]);
    // The requester hears that it reached Support after all.
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain("reached Support");
    expect(connector.calls.at(-1)?.conversationId).toBe(thread);
  });
});

describe("escalations here", () => {
  it("holds handoffs until an escalation channel is set, then posts them there", async () => {
    await start({ config: { escalationConversation: undefined } });
    const thread = await askAndEscalate();
    expect(connector.calls.filter(isHandoff)).toEqual([]);
    expect(await h.store.listPendingDeliveries()).toHaveLength(1);
    expect(h.logs.join("\n")).toContain("escalations here");

    const support = "19:0f1e2d3c4b5a49687766554433221100@thread.tacv2";
    const here = channelMessage("escalations here", {
      from: sue,
      conversationId: `${support};messageid=1741079999000`,
    });
    await h.post(here);
    expect(FakeConnector.textOf(connector.calls.find((c) => c.conversationId.startsWith(support))!)).toContain(
      "Escalations will be posted here",
    );
    const handoff = connector.calls.find(isHandoff);
    expect(handoff?.body).toMatchObject({ channelData: { channel: { id: support } } });
    expect(buttonTitles(handoff)).toEqual(["Claim", "Need info", "Resolve"]);
    expect(connector.calls.at(-1)?.conversationId).toBe(thread);
  });

  it("lets only TEAMS_ADMINS move the escalation channel, and never to a personal chat", async () => {
    await start({ config: { admins: [sue.aadObjectId] } });
    const elsewhere = "19:aaaabbbbccccddddeeeeffff00001111@thread.tacv2";
    await h.post(channelMessage("escalations here", { conversationId: `${elsewhere};messageid=1741079999001` }));
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain("Only the people listed in TEAMS_ADMINS");

    const personal = { ...fixture("personal-message"), id: "1741079999002", text: "escalations here", from: sue };
    await h.post(personal);
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain("Type escalations here in the Teams channel");

    await h.post(
      channelMessage("escalations here", { from: sue, conversationId: `${elsewhere};messageid=1741079999003` }),
    );
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain("Escalations will be posted here");
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain(supportChannel);
  });

  it("refuses to move an existing escalation channel when no admins are listed", async () => {
    await start();
    await h.post(
      channelMessage("escalations here", {
        conversationId: "19:ffff0000ffff0000ffff0000ffff0000@thread.tacv2;messageid=1",
      }),
    );
    expect(FakeConnector.textOf(connector.calls.at(-1)!)).toContain("An escalation channel is already set");
  });
});
