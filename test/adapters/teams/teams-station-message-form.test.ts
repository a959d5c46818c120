import { afterEach, describe, expect, it } from "vitest";
import { expectValidTeamsCards } from "./expect-valid-teams-cards.ts";
import { FakeConnector } from "./fake-connector.ts";
import { pressActivity } from "./teams-activities.ts";
import { fixture, TeamsHarness } from "./teams-harness.ts";

let h: TeamsHarness;
let connector: FakeConnector;

afterEach(async () => {
  expectValidTeamsCards(connector.calls);
  connector.dispose();
  await h.close();
});

type Element = Record<string, unknown>;
const bodyOf = (call: Parameters<typeof FakeConnector.cardsOf>[0] | undefined) =>
  (call ? FakeConnector.cardsOf(call) : []).flatMap((c) => c.body as Element[]);
const inputs = (call: Parameters<typeof FakeConnector.cardsOf>[0] | undefined) =>
  bodyOf(call).filter((e) => e.type === "Input.Text");
/** The error line shown right above the input with this id, if any. */
function errorAbove(call: Parameters<typeof FakeConnector.cardsOf>[0] | undefined, id: string): string | undefined {
  const body = bodyOf(call);
  const at = body.findIndex((e) => e.id === id);
  const before = body[at - 1];
  return before?.type === "TextBlock" && String(before.text).startsWith("❌") ? String(before.text) : undefined;
}

describe("Teams station message form", () => {
  it("shows the form, returns it with inline errors per field, and previews a valid message", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ appId: null });
    const chat = fixture("personal-message");
    await h.post({ ...chat, text: "msg" });
    const form = connector.calls[0];
    expect(inputs(form).map((i) => i.id)).toEqual(["name", "description", "line1", "line2"]);
    const formId = form?.messageId ?? "";

    const typed = {
      name: "",
      description: "Winter",
      line1: "Closed for maintenance today",
      line2: "Back at 8am | sorry",
    };
    await h.post(
      pressActivity(form, "Check message", { messageId: formId, conversationId: chat.conversation.id, inputs: typed }),
    );
    const invalid = connector.calls[1];
    // The form is replaced in place, with what was typed kept and each problem under its own field.
    expect(invalid).toMatchObject({ method: "PUT", activityId: formId });
    expect(inputs(invalid).map((i) => [i.id, i.value])).toEqual([
      ["name", undefined],
      ["description", "Winter"],
      ["line1", "Closed for maintenance today"],
      ["line2", "Back at 8am | sorry"],
    ]);
    expect(errorAbove(invalid, "name")).toMatch(/Station Message Name is empty/);
    expect(errorAbove(invalid, "description")).toBeUndefined();
    expect(errorAbove(invalid, "line1")).toMatch(/15/);
    expect(errorAbove(invalid, "line2")).toMatch(/\|/);

    const fixed = { name: "Winter closure", description: "Winter", line1: "Closed today", line2: "Back at 8am" };
    await h.post(
      pressActivity(invalid, "Check message", {
        messageId: formId,
        conversationId: chat.conversation.id,
        inputs: fixed,
      }),
    );
    const preview = connector.calls[2];
    expect(preview).toMatchObject({ method: "PUT", activityId: formId });
    expect(FakeConnector.textOf(preview!)).toContain("Station message: input looks good");
    expect(FakeConnector.textOf(preview!)).toContain("Winter closure");
    expect(FakeConnector.textOf(preview!)).toContain("On the station screen:\\nClosed today\\nBack at 8am");
    expect(inputs(preview)).toEqual([]);
  });
});
