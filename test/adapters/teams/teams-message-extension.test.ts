import type { Activity } from "botbuilder";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adaptiveCardValidator } from "../adaptive-card-schema.ts";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { FakeConnector } from "./fake-connector.ts";
import { fixture, TeamsHarness } from "./teams-harness.ts";

let tokens: BotFrameworkTokens;
let h: TeamsHarness;
let connector: FakeConnector;
const validate = adaptiveCardValidator();

beforeAll(async () => {
  tokens = await BotFrameworkTokens.create();
});
afterAll(() => nock.cleanAll());
afterEach(async () => {
  expectValidTeamsCards(connector.calls);
  connector.dispose();
  await h.close();
});

const channel = "19:7e1c9b2a4d3f4e6a8b0c1d2e3f4a5b6c@thread.tacv2";
const groupChat = "19:meeting_8a7b6c5d4e3f@thread.v2";
let seq = 0;

/** An invoke as Teams sends it for the message extension, from Ann, in `conversation`. */
function invoke(name: string, value: unknown, conversation: { id: string; conversationType: string }): Activity {
  const activity = fixture("channel-mention");
  activity.type = "invoke";
  activity.name = name;
  activity.id = `f:${1741079500000 + ++seq}`;
  activity.value = value;
  activity.text = "";
  activity.entities = [];
  delete (activity as Partial<Activity>).attachments;
  activity.conversation = { ...activity.conversation, ...conversation };
  return activity;
}

const search = (parameters: { name: string; value: string }[], options = { skip: 0, count: 25 }) =>
  invoke(
    "composeExtension/query",
    { commandId: "searchPlaybooks", parameters, queryOptions: options },
    { id: groupChat, conversationType: "groupChat" },
  );

interface ResultAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview: { contentType: string; content: { title: string; text: string } };
}

async function results(activity: Activity): Promise<ResultAttachment[]> {
  const r = await h.send(activity);
  expect(r.status).toBe(200);
  const body = JSON.parse(r.text) as {
    composeExtension: { type: string; attachmentLayout: string; attachments: ResultAttachment[] };
  };
  expect(body.composeExtension).toMatchObject({ type: "result", attachmentLayout: "list" });
  return body.composeExtension.attachments;
}

const ask = (content: string, conversation: { id: string; conversationType: string }) =>
  invoke(
    "composeExtension/submitAction",
    {
      commandId: "askCpbot",
      commandContext: "message",
      data: { note: "" },
      messagePayload: {
        id: "1741078700000",
        messageType: "message",
        body: { contentType: "html", content },
        from: { user: { id: "bob-aad", displayName: "Bob" } },
      },
    },
    conversation,
  );

describe("Teams message extension: search command", () => {
  it("a fault code lists its playbook first, with a thumbnail preview and a valid Adaptive Card to insert", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const hits = await results(search([{ name: "query", value: "303-RSC" }]));
    expect(hits.length).toBeGreaterThan(0);
    const [first] = hits;
    expect(first?.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    expect(first?.preview.content.title).toContain("Relay Stuck Closed");
    expect(first?.preview.content.text).toContain("Fault code 303-RSC");
    expect(first?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(validate(first?.content) ? [] : validate.errors).toEqual([]);
    // Inserted by a person, where cpbot may not be: no button that needs cpbot to answer it.
    expect(JSON.stringify(first?.content)).not.toContain("Action.Submit");
    expect(JSON.stringify(first?.content)).toContain("open relay-stuck-closed");
    // Nothing was posted anywhere: a search only answers the invoke.
    expect(connector.calls).toEqual([]);
  });

  it("words search by meaning; opening the box (initialRun) lists every playbook, a page at a time", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const words = await results(search([{ name: "query", value: "station screen says access denied" }]));
    expect(words[0]?.preview.content.title).toMatch(/[Aa]ccess [Dd]enied|RFID|[Aa]uthoriz/);
    const all = await results(search([{ name: "initialRun", value: "true" }]));
    expect(all).toHaveLength(20);
    const page = await results(search([{ name: "initialRun", value: "true" }], { skip: 15, count: 10 }));
    expect(page.map((a) => a.preview.content.title)).toEqual(all.slice(15).map((a) => a.preview.content.title));
  });
});

describe("Teams message extension: Ask cpbot on a message", () => {
  it("answers the message in its channel thread and closes the action", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const r = await h.send(
      ask("<p>Customer ticket: the <b>relay is stuck closed</b> on port 2</p>", {
        id: channel,
        conversationType: "channel",
      }),
    );
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ task: { type: "message", value: "cpbot answered in the conversation." } });
    const [answer] = connector.delivered();
    expect(answer?.conversationId).toBe(`${channel};messageid=1741078700000`);
    expect(FakeConnector.textOf(answer as NonNullable<typeof answer>)).toContain("Relay Stuck Closed (303-RSC)");
  });

  it("in a chat cpbot is not part of (403), the answer comes back in the action's window, saying why", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    connector.failures.push({
      status: 403,
      body: { error: { code: "BotNotInConversationRoster", message: "not in roster" } },
    });
    const r = await h.send(ask("station screen says access denied", { id: groupChat, conversationType: "groupChat" }));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text) as {
      task: { type: string; value: { card: { contentType: string; content: Record<string, unknown> } } };
    };
    expect(body.task.type).toBe("continue");
    expect(body.task.value.card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = JSON.stringify(body.task.value.card.content);
    expect(card).toContain("I cannot post in this conversation");
    expect(card).toMatch(/[Aa]ccess [Dd]enied|RFID/);
    expect(validate(body.task.value.card.content) ? [] : validate.errors).toEqual([]);
  });

  it("the window shows the whole answer (every card, not only the first) and a link on to a chat with cpbot", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    connector.failures.push({
      status: 403,
      body: { error: { code: "BotNotInConversationRoster", message: "not in roster" } },
    });
    // A pasted log past what cpbot reads: the answer is the overview and a second card saying what was read.
    const paste = `fault 303-RSC on CPF-6 ${"relay log line 0042 ok; ".repeat(300)}`;
    const r = await h.send(ask(paste, { id: groupChat, conversationType: "groupChat" }));
    expect(r.status).toBe(200);
    const body = JSON.parse(r.text) as {
      task: { type: string; value: { card: { contentType: string; content: Record<string, unknown> } } };
    };
    expect(body.task.type).toBe("continue");
    const content = body.task.value.card.content;
    const card = JSON.stringify(content);
    expect(card).toContain("I cannot post in this conversation");
    expect(card).toContain("Relay Stuck Closed");
    // The second card, which the window used to drop.
    expect(card).toContain("Only the start of your message was read");
    // Buttons that need cpbot would only submit the window; the chat link replaces them.
    expect(card).not.toContain("Action.Submit");
    const actions = (content.actions ?? []) as { type: string; title: string; url?: string }[];
    const link = actions.find((a) => a.type === "Action.OpenUrl");
    expect(link?.title).toBe("Continue in a chat with cpbot");
    const url = new URL(link?.url ?? "");
    expect(url.origin + url.pathname).toBe("https://teams.microsoft.com/l/chat/0/0");
    expect(url.searchParams.get("users")).toBe("28:9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f");
    expect(url.searchParams.get("message")).toMatch(/^fault 303-RSC on CPF-6/);
    expect(Buffer.byteLength(card, "utf16le")).toBeLessThanOrEqual(40 * 1024);
    expect(validate(content) ? [] : validate.errors).toEqual([]);
  });
});
