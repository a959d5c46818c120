import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cardActions } from "../../../src/cards/card-actions.ts";
import { button } from "../../../src/render/card-blocks.ts";
import { infoCard } from "../../../src/render/info-card.ts";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { type ConnectorCall, FakeConnector } from "./fake-connector.ts";
import { buttonTitles, channelMessage, pressActivity, sue } from "./teams-activities.ts";
import { fixture, outboundToken, supportChannel, TeamsHarness } from "./teams-harness.ts";

let tokens: BotFrameworkTokens;
let h: TeamsHarness;
let connector: FakeConnector;

beforeAll(async () => {
  tokens = await BotFrameworkTokens.create();
});
afterAll(() => nock.cleanAll());
afterEach(async () => {
  expectValidTeamsCards(connector.calls);
  connector.dispose();
  await h.close();
});

const text = (call: ConnectorCall | undefined) => (call ? FakeConnector.textOf(call) : "");

describe("Teams: a channel question to a resolved escalation", () => {
  it("answers in the thread, walks, escalates to the support channel as a new thread, and mirrors Claim and Resolve", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const question = fixture("channel-mention");
    const thread = question.conversation.id;
    const calls = () => connector.delivered();

    // The mention is answered in the same thread with the playbook overview.
    const r0 = await h.send(question);
    expect(r0.status).toBe(200);
    const overview = calls()[0];
    expect(overview).toMatchObject({ method: "POST", conversationId: thread, activityId: question.id });
    expect(overview?.authorization).toBe(`Bearer ${outboundToken}`);
    expect(text(overview)).toContain("Relay Stuck Closed (303-RSC)");
    expect(buttonTitles(overview)).toContain("Start walkthrough");

    // Start walkthrough → the first step card, as a new message in the thread.
    await h.send(
      pressActivity(overview, "Start walkthrough", { messageId: overview?.messageId ?? "", conversationId: thread }),
    );
    const step1 = calls()[1];
    expect(step1).toMatchObject({ method: "POST", conversationId: thread });
    expect(text(step1)).toMatch(/Step 1 of \d+/);

    // Done → the same card is replaced in place with step 2.
    const stepId = step1?.messageId ?? "";
    await h.send(pressActivity(step1, "Done", { messageId: stepId, conversationId: thread }));
    const step2 = calls()[2];
    expect(step2).toMatchObject({ method: "PUT", conversationId: thread, activityId: stepId });
    expect(text(step2)).toMatch(/Step 2 of \d+/);

    // Escalate: the handoff opens a new thread in the support channel; the requester is told in their thread.
    await h.send(pressActivity(step2, "Escalate", { messageId: stepId, conversationId: thread }));
    const handoff = calls().find((c) => c.conversationId === "");
    expect(handoff?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: supportChannel } } });
    expect(text(handoff)).toContain("ESC-0001");
    expect(buttonTitles(handoff)).toEqual(["Claim", "Need info", "Resolve"]);
    const opened = calls().at(-1);
    expect(opened?.conversationId).toBe(thread);
    expect(text(opened)).toContain("Escalated to Support: ESC-0001");
    const stored = await h.store.getEscalation("ESC-0001");
    expect(stored?.delivery.handoffMessageId).toBe(handoff?.messageId);
    expect(stored?.origin).toMatchObject({ platform: "teams", threadId: "1741078700000" });

    // Sue claims it on the handoff card in the support thread: the card updates there, Ann's thread hears.
    const rootId = handoff?.messageId ?? "";
    const supportThread = `${supportChannel};messageid=${rootId}`;
    const before = calls().length;
    h.advance(3);
    await h.send(pressActivity(handoff, "Claim", { messageId: rootId, conversationId: supportThread, from: sue }));
    const afterClaim = calls().slice(before);
    expect(afterClaim.find((c) => c.method === "PUT")).toMatchObject({
      conversationId: supportThread,
      activityId: rootId,
    });
    expect(text(afterClaim.find((c) => c.method === "PUT"))).toContain("Claimed");
    const mirroredClaim = afterClaim.find((c) => c.method === "POST" && c.conversationId === thread);
    expect(text(mirroredClaim)).toContain("claimed escalation ESC-0001");
    // A proactive post goes to the thread itself, not as a reply to some message.
    expect(mirroredClaim?.activityId).toBeUndefined();

    // Resolve: same again; the handoff card loses its buttons.
    const claimedCard = afterClaim.find((c) => c.method === "PUT");
    const mark = calls().length;
    h.advance(30);
    await h.send(
      pressActivity(claimedCard, "Resolve", { messageId: rootId, conversationId: supportThread, from: sue }),
    );
    const afterResolve = calls().slice(mark);
    const resolvedCard = afterResolve.find((c) => c.method === "PUT");
    expect(text(resolvedCard)).toContain("Resolved");
    expect(buttonTitles(resolvedCard)).toEqual([]);
    const mirroredResolve = afterResolve.find((c) => c.method === "POST" && c.conversationId === thread);
    expect(text(mirroredResolve)).toContain("resolved escalation ESC-0001");
    expect((await h.store.getEscalation("ESC-0001"))?.status).toBe("resolved");
  });

  it("follows up in the thread without a mention while a walkthrough waits for the person", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const question = fixture("channel-mention");
    const thread = question.conversation.id;
    await h.send(question);
    // Unmentioned chatter in a thread with no walkthrough is people talking to each other.
    await h.send(channelMessage("thanks, looking now", { conversationId: thread, mention: false }));
    expect(connector.calls).toHaveLength(1);

    await h.send(
      pressActivity(connector.calls[0], "Start walkthrough", {
        messageId: connector.calls[0]?.messageId ?? "",
        conversationId: thread,
      }),
    );
    await h.send(channelMessage("done", { conversationId: thread, mention: false }));
    expect(connector.calls).toHaveLength(3);
    expect(text(connector.calls[2])).toMatch(/Step 2 of \d+/);
  });

  it("relays Need info to the requester's personal chat and their answer back into the support thread", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const chat = fixture("personal-message");
    await h.send(chat);
    await h.send({ ...chat, id: "1741079400200", text: "escalate station CPF-6 still faulted" });
    const handoff = connector.calls.find((c) => c.conversationId === "");
    const rootId = handoff?.messageId ?? "";
    const supportThread = `${supportChannel};messageid=${rootId}`;

    const mark = connector.calls.length;
    await h.send(pressActivity(handoff, "Need info", { messageId: rootId, conversationId: supportThread, from: sue }));
    const asked = connector.calls.slice(mark).find((c) => c.conversationId === chat.conversation.id);
    expect(text(asked)).toContain("Please reply in your thread");

    // Ann answers in her chat: the handoff card in the support thread is updated and the thread is told.
    const next = connector.calls.length;
    await h.send({ ...chat, id: "1741079400300", text: "No other RSC alarms in 90 days" });
    const later = connector.calls.slice(next);
    expect(later.find((c) => c.method === "PUT")).toMatchObject({ conversationId: supportThread, activityId: rootId });
    expect(text(later.find((c) => c.method === "PUT"))).toContain("No other RSC alarms in 90 days");
    const relayed = later.find((c) => c.method === "POST" && c.conversationId === supportThread);
    expect(text(relayed)).toContain("No other RSC alarms in 90 days");
    expect(text(later.find((c) => c.conversationId === chat.conversation.id))).toContain("Sent to Support: ESC-0001");
  });

  it("continues a handoff too long for one Teams message as replies in its new thread", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    // A person's note is cut at 6,000 characters now, so a handoff this long comes from the engine itself
    // (long tool results and evidence); post one through the transport as the engine would.
    await h.send(fixture("channel-mention"));
    const lines = Array.from({ length: 60 }, (_, i) => `detail${i} ${"evidence ".repeat(120)}`);
    const ref = { escalation: "ESC-0001" };
    const card = infoCard("Escalation ESC-0001: a long handoff", lines, [
      button("Claim", cardActions.escalationClaim, ref),
      button("Need info", cardActions.escalationNeedInfo, ref),
      button("Resolve", cardActions.escalationResolve, ref),
    ]);
    const posted = await h.bot.transport.post({ platform: "teams", channelId: "teams-escalations" }, card);
    const handoff = connector.calls.find((c) => c.conversationId === "");
    expect(posted.messageId).toBe(handoff?.messageId);
    const rootId = handoff?.messageId ?? "";
    const parts = connector.calls.filter((c) => c.conversationId === `${supportChannel};messageid=${rootId}`);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part.method).toBe("POST");
      expect(part.activityId).toBeUndefined();
    }
    // The buttons come with the last part, under everything Support has to read.
    expect(buttonTitles(handoff)).toEqual([]);
    expect(buttonTitles(parts.at(-1))).toEqual(["Claim", "Need info", "Resolve"]);
  });
});
