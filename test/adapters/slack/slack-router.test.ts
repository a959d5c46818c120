import { App, type Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { escalateModalCallbackId } from "../../../adapters/slack/escalate-modal.ts";
import { askShortcutId } from "../../../adapters/slack/on-message-shortcut.ts";
import { routeSlackRequests, type SlackHandlers } from "../../../adapters/slack/slack-router.ts";
import { stationMessageCallbackId } from "../../../adapters/slack/station-message-modal.ts";
import { fixture } from "./slack-harness.ts";

/** Bolt's own test pattern: a receiver that does nothing, requests handed to app.processEvent. */
const idleReceiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

interface Routed {
  /** Which handler took each request, in order. */
  taken: string[];
  /** How many acknowledgements reached Slack, and with what. */
  acks: unknown[];
  errors: unknown[];
  send(body: Record<string, unknown>): Promise<void>;
}

function routedApp(fail?: keyof SlackHandlers): Routed {
  const app = new App({ token: "xoxb-test", botId: "BCPBOT", botUserId: "UCPBOT", receiver: idleReceiver });
  const taken: string[] = [];
  const acks: unknown[] = [];
  const errors: unknown[] = [];
  const handler =
    (name: keyof SlackHandlers) =>
    async (args: { ack?: (response?: unknown) => Promise<void> }): Promise<void> => {
      taken.push(name);
      if (name === fail) throw new Error(`${name} failed`);
      await args.ack?.({ from: name });
    };
  const names: (keyof SlackHandlers)[] = [
    "command",
    "action",
    "escalateView",
    "stationMessageView",
    "askShortcut",
    "mention",
    "message",
    "homeOpened",
  ];
  routeSlackRequests(app, Object.fromEntries(names.map((n) => [n, handler(n)])) as unknown as SlackHandlers);
  app.error(async (error) => {
    errors.push(error);
  });
  return {
    taken,
    acks,
    errors,
    send: (body) =>
      app.processEvent({
        body,
        ack: async (response?: unknown) => {
          acks.push(response);
        },
      }),
  };
}

const view = (type: string, callbackId: string) => ({
  ...fixture("view-submission"),
  type,
  view: { ...fixture<{ view: Record<string, unknown> }>("view-submission").view, callback_id: callbackId },
});
const event = (fields: Record<string, unknown>) => ({ ...fixture("app-mention"), event: fields });

describe("routeSlackRequests: one middleware instead of a listener per kind", () => {
  it("hands each kind of request cpbot takes to its handler, with Bolt's arguments", async () => {
    const r = routedApp();
    await r.send(fixture("slash-command"));
    await r.send(fixture("block-actions"));
    await r.send(view("view_submission", escalateModalCallbackId));
    await r.send(view("view_submission", stationMessageCallbackId));
    await r.send({
      ...fixture("block-actions"),
      type: "message_action",
      callback_id: askShortcutId,
      actions: undefined,
    });
    await r.send(fixture("app-mention"));
    await r.send(fixture("message-im"));
    await r.send(event({ type: "app_home_opened", user: "UANN00001", channel: "DANN00001", tab: "home" }));
    expect(r.taken).toEqual([
      "command",
      "action",
      "escalateView",
      "stationMessageView",
      "askShortcut",
      "mention",
      "message",
      "homeOpened",
    ]);
    // Events are acknowledged by Bolt itself (no body); the other five by their handler.
    expect(r.acks.filter((a) => a !== undefined)).toEqual(
      ["command", "action", "escalateView", "stationMessageView", "askShortcut"].map((from) => ({ from })),
    );
  });

  it("leaves what no listener matched before unhandled and unacknowledged", async () => {
    const r = routedApp();
    // An action without an action_id (an old interactive message), which Bolt's constraint matcher skipped.
    await r.send({
      type: "interactive_message",
      callback_id: "legacy",
      actions: [{ name: "go", type: "button", value: "1" }],
      user: { id: "UANN00001" },
      channel: { id: "COPS00001" },
      team: { id: "T0001" },
    });
    await r.send(view("view_submission", "someone.elses-form"));
    await r.send(view("view_closed", escalateModalCallbackId));
    await r.send({ ...fixture("block-actions"), type: "message_action", callback_id: "other", actions: undefined });
    await r.send({ ...fixture("block-actions"), type: "shortcut", callback_id: askShortcutId, actions: undefined });
    await r.send(event({ type: "reaction_added", user: "UANN00001", reaction: "eyes" }));
    expect(r.taken).toEqual([]);
    expect(r.acks).toEqual([undefined]); // only Bolt's own ack of the reaction event
  });

  it("still lets Bolt's ignoreSelf drop cpbot's own messages before routing", async () => {
    const r = routedApp();
    const own = fixture<{ event: Record<string, unknown> }>("bot-message");
    await r.send({ ...own, event: { ...own.event, bot_id: "BCPBOT" } });
    await r.send(fixture("bot-message"));
    // Another bot's message is routed (on-message-events ignores it); cpbot's own never arrives.
    expect(r.taken).toEqual(["message"]);
  });

  it("passes a handler's failure to app.error, as a failing listener's was", async () => {
    const r = routedApp("command");
    await r.send(fixture("slash-command"));
    expect(r.taken).toEqual(["command"]);
    expect(r.errors).toHaveLength(1);
    expect(String(r.errors[0])).toContain("command failed");
  });
});
