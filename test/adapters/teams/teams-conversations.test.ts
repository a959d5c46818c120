import type { Activity } from "botbuilder";
import { afterEach, describe, expect, it } from "vitest";
import { activityToBotEvent, messageText } from "../../../adapters/teams/activity-to-bot-event.ts";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { FakeConnector } from "./fake-connector.ts";
import { channelMessage } from "./teams-activities.ts";
import { fixture, TeamsHarness } from "./teams-harness.ts";

let h: TeamsHarness;
let connector: FakeConnector;

afterEach(async () => {
  expectValidTeamsCards(connector.calls);
  connector.dispose();
  await h.close();
});

async function start(): Promise<void> {
  connector = new FakeConnector();
  h = await TeamsHarness.start({ appId: null });
}

describe("Teams conversations", () => {
  it("answers a personal chat with the same grammar as /cp: fault 303-RSC opens the playbook", async () => {
    await start();
    const chat = fixture("personal-message");
    expect((await h.post(chat)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]).toMatchObject({
      method: "POST",
      conversationId: chat.conversation.id,
      activityId: chat.id,
    });
    expect(FakeConnector.textOf(connector.calls[0]!)).toContain("Relay Stuck Closed (303-RSC)");
  });

  it("checks a station message typed as msg line 1 | line 2", async () => {
    await start();
    const chat = { ...fixture("personal-message"), text: "msg Closed today | Back at 8am" };
    await h.post(chat);
    expect(FakeConnector.textOf(connector.calls[0]!)).toContain("Station message: input looks good");
  });

  it("strips the bot's mention before matching, wherever it is", async () => {
    await start();
    // "list" is a command only when it is the first word: the mention must be gone for it to be one.
    const question = fixture("channel-mention");
    question.text = "<at>cpbot</at> list";
    await h.post(question);
    expect(FakeConnector.cardsOf(connector.calls[0]!)[0]?.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: expect.stringMatching(/^Playbooks \(\d+\)$/) })]),
    );
    const translated = activityToBotEvent(fixture("channel-mention"));
    expect(translated).toMatchObject({
      kind: "event",
      mentioned: true,
      event: {
        kind: "message",
        text: "relay stuck closed on port 2",
        eventId: "teams:19:7e1c9b2a4d3f4e6a8b0c1d2e3f4a5b6c@thread.tacv2;messageid=1741078700000:1741078805441",
        conversation: {
          platform: "teams",
          channelId: "19:7e1c9b2a4d3f4e6a8b0c1d2e3f4a5b6c@thread.tacv2",
          threadId: "1741078700000",
        },
        user: { id: "6b1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", name: "Ann Lee" },
      },
    });
  });

  it("keeps line breaks of a pasted status and decodes the HTML entities Teams adds", () => {
    const activity = {
      ...fixture("channel-mention"),
      text: "<at>cpbot</at> status 1,J1772,&lt;x&gt;<br>2,J1772,a&amp;b\r\n3",
    } as Activity;
    expect(messageText(activity)).toBe("status 1,J1772,<x>\n2,J1772,a&b\n3");
  });

  it("ignores messages the bot itself sent, other bots, and non-message activities", async () => {
    await start();
    const own = fixture("channel-mention");
    own.from = { ...own.recipient };
    const otherBot = fixture("personal-message");
    otherBot.from = { id: "28:another-bot", name: "Other", role: "bot" };
    const typing = { ...fixture("personal-message"), type: "typing" };
    for (const activity of [own, otherBot, typing]) expect((await h.post(activity)).status).toBe(200);
    expect(connector.calls).toEqual([]);
    expect(activityToBotEvent(own)).toEqual({ kind: "ignore", reason: "sent by a bot" });
  });

  it("ignores unmentioned chatter in channels and group chats", async () => {
    await start();
    await h.post(channelMessage("anyone seen the relay issue?", { mention: false }));
    const group = fixture("personal-message");
    group.conversation = {
      ...group.conversation,
      conversationType: "groupChat",
      id: "19:meeting_abc@thread.v2",
      isGroup: true,
    };
    group.text = "fault 303-RSC";
    await h.post(group);
    expect(connector.calls).toEqual([]);
  });

  it("answers a duplicate delivery of the same activity only once", async () => {
    await start();
    const chat = fixture("personal-message");
    await h.post(chat);
    await h.post(chat);
    expect(connector.calls).toHaveLength(1);
  });

  it("says hello once when installed in a team", async () => {
    await start();
    const base = fixture("channel-mention");
    const installed = {
      type: "conversationUpdate",
      id: "f:install-1",
      channelId: "msteams",
      serviceUrl: base.serviceUrl,
      from: base.from,
      recipient: base.recipient,
      conversation: { ...base.conversation, id: "19:7e1c9b2a4d3f4e6a8b0c1d2e3f4a5b6c@thread.tacv2" },
      membersAdded: [{ id: base.recipient.id }],
      channelData: { ...base.channelData, eventType: "teamMemberAdded" },
    };
    await h.post(installed);
    await h.post(installed);
    expect(connector.calls).toHaveLength(1);
    expect(FakeConnector.textOf(connector.calls[0]!)).toContain("Hi, I am cpbot");
    // Someone else joining the team is not a reason to talk.
    await h.post({ ...installed, id: "f:install-2", membersAdded: [{ id: "29:someone" }] });
    expect(connector.calls).toHaveLength(1);
  });
});
