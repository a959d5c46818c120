import type { ConversationDriver, DriverInput, DriverOutput } from "../../../src/conversations/conversation-driver.ts";
import type { Shown } from "../../../src/conversations/shown-card.ts";
import type { Actor } from "../../../src/core/bot-event.ts";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { type ConnectorCall, FakeConnector } from "./fake-connector.ts";
import { channelMessage, pressActivity, submitActions } from "./teams-activities.ts";
import { fixture, supportChannel, TeamsHarness } from "./teams-harness.ts";

/** The Teams channel the conversations' threads are in (the fixtures' channel). */
const channel = String(fixture("channel-mention").channelData?.channel?.id);

let keys: Promise<BotFrameworkTokens> | undefined;

/** What a press needs: the connector call that showed the card, its message id and conversation. */
interface Handle {
  call: ConnectorCall;
  messageId: string;
  conversationId: string;
}

/** A Teams account for a person named in a conversation ("ann" → Ann, with an AAD object id of her own). */
function account(actor: Actor) {
  const tag = actor.id.toLowerCase().replace(/[^a-z0-9]/g, "");
  return { id: `29:${tag}`, name: actor.name ?? actor.id, aadObjectId: `aad-${tag}` };
}

/**
 * Plays conversations through cpbot's Teams endpoint with authentication on: every activity carries a Bot
 * Framework JWT signed by a test key whose OpenID metadata nock serves, the way the Teams channel signs it.
 * `say` and `cp` are channel messages mentioning cpbot in the conversation's thread (Teams has no slash
 * commands; the `/cp` words are messages), `press` is the Action.Submit activity Teams sends for the
 * button. What comes back is read from the connector calls (FakeConnector): posts and in-place updates.
 */
export async function teamsDriver(): Promise<ConversationDriver> {
  // botbuilder caches the channel's signing keys per process, so every driver signs with the same key.
  keys ??= BotFrameworkTokens.create();
  const tokens = await keys;
  const connector = new FakeConnector();
  const h = await TeamsHarness.start({ tokens, escalationPrefix: "TEST" });
  const threads = new Map<string, string>();
  let root = 1741078700000;

  async function send(input: DriverInput): Promise<DriverOutput> {
    const before = connector.calls.length;
    if (input.kind === "press") {
      const button = input.card.buttons[input.button];
      if (!button) throw new Error(`no button ${input.button} on the card`);
      const handle = button.handle as Handle;
      const label = button.label;
      const activity = pressActivity(handle.call, label, {
        messageId: handle.messageId,
        conversationId: handle.conversationId,
        from: account(input.user),
        ...(input.inputs ? { inputs: input.inputs } : {}),
      });
      expectAccepted(await h.send(activity));
    } else {
      let conversationId = threads.get(input.thread);
      if (!conversationId) {
        conversationId = `${channel};messageid=${++root}`;
        threads.set(input.thread, conversationId);
      }
      const activity = channelMessage(input.text, { conversationId, from: account(input.user) });
      if (input.files?.length) {
        activity.attachments = [
          ...(activity.attachments ?? []),
          ...input.files.map((f) => ({
            contentType: "application/vnd.microsoft.teams.file.download.info",
            name: f.name,
            content: { downloadUrl: f.url ?? `https://files.example/${f.name}`, fileType: "bin" },
          })),
        ];
      }
      expectAccepted(await h.send(activity));
    }
    const made = connector.delivered().filter((c) => connector.calls.indexOf(c) >= before);
    const inSupport = (c: ConnectorCall) => c.conversationId === "" || c.conversationId.startsWith(supportChannel);
    return {
      replies: made.filter((c) => !inSupport(c)).flatMap(shown),
      elsewhere: made.filter(inSupport).flatMap(shown),
    };
  }

  return {
    send,
    knowsKinds: false,
    advance: (minutes) => h.advance(minutes),
    get store() {
      return h.store;
    },
    close: async () => {
      connector.dispose();
      await h.close();
    },
  };
}

function expectAccepted(res: { status: number; text: string }): void {
  if (res.status >= 300) throw new Error(`Teams endpoint answered ${res.status}: ${res.text}`);
}

/** Every text a person reads on an Adaptive Card, buttons left out, without Teams' bold marks. */
export function adaptivePlainText(card: Record<string, unknown>): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === "string" && o.type.startsWith("Action.") && o.type !== "Action.ShowCard") return;
    if (o.type === "TextBlock" && typeof o.text === "string") lines.push(o.text);
    if (o.type === "TextRun" && typeof o.text === "string") lines.push(o.text);
    if (typeof o.title === "string" && typeof o.value === "string") lines.push(`${o.title}: ${o.value}`);
    if (typeof o.type === "string" && o.type.startsWith("Input.")) {
      for (const key of ["label", "placeholder", "errorMessage"]) if (typeof o[key] === "string") lines.push(o[key]);
    }
    for (const [key, value] of Object.entries(o)) if (key !== "text") visit(value);
  };
  visit(card);
  return lines.join("\n").replace(/\*\*|`/g, "");
}

/** The cards one connector call showed; a reply's id is the new message's, an update keeps its own. */
function shown(call: ConnectorCall): Shown[] {
  const activity = (call.body.activity ?? call.body) as { summary?: string; text?: string };
  const messageId = call.messageId ?? "";
  // createConversation starts a thread: its conversation is the channel plus the new root message.
  const conversationId = call.conversationId || `${supportChannel};messageid=${messageId}`;
  const cards = FakeConnector.cardsOf(call);
  if (cards.length === 0 && activity.text) return [{ title: activity.text, text: activity.text, buttons: [] }];
  return cards.map((card) => {
    const text = adaptivePlainText(card);
    return {
      title: activity.summary ?? text,
      text,
      buttons: submitActions(card).map((a) => ({
        label: a.title,
        handle: { call, messageId, conversationId } satisfies Handle,
      })),
    };
  });
}
