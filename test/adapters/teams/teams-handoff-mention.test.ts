import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { type ConnectorCall, FakeConnector } from "./fake-connector.ts";
import { pressActivity, sue } from "./teams-activities.ts";
import { fixture, supportChannel, TeamsHarness } from "./teams-harness.ts";

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

const cardOf = (call: ConnectorCall | undefined) => (call ? FakeConnector.cardsOf(call)[0] : undefined);

describe("Teams: the requester on the handoff is a real mention", () => {
  it("the handoff names Ann with <at>Ann Lee</at> and a mention entity of her Entra id; the claim updates it in place", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const question = fixture("channel-mention");
    await h.send(question);
    const overview = connector.delivered()[0];
    await h.send(
      pressActivity(overview, "Escalate…", {
        messageId: overview?.messageId ?? "",
        conversationId: question.conversation.id,
      }),
    );
    const handoff = connector.delivered().find((c) => c.conversationId === "");
    const card = cardOf(handoff);
    expect(JSON.stringify(card?.body)).toContain("**Requested by:** <at>Ann Lee</at>");
    expect(card?.msteams).toEqual({
      entities: [
        {
          type: "mention",
          text: "<at>Ann Lee</at>",
          mentioned: { id: "6b1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", name: "Ann Lee" },
        },
      ],
    });

    const rootId = handoff?.messageId ?? "";
    await h.send(
      pressActivity(handoff, "Claim", {
        messageId: rootId,
        conversationId: `${supportChannel};messageid=${rootId}`,
        from: sue,
      }),
    );
    // The redraw is an edit (PUT, updateActivity), which Teams does not notify anyone of again.
    const redrawn = connector.delivered().find((c) => c.method === "PUT" && c.activityId === rootId);
    expect(JSON.stringify(cardOf(redrawn))).toContain("Claimed");
    expect(cardOf(redrawn)?.msteams).toEqual(card?.msteams);
  });
});
