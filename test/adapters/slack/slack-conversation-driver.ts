import type { ConversationDriver, DriverInput, DriverOutput } from "../../../src/conversations/conversation-driver.ts";
import type { Shown } from "../../../src/conversations/shown-card.ts";
import type { Actor } from "../../../src/core/bot-event.ts";
import { buttonsOf, escalationChannel, fixture, type SeenMessage, SlackHarness } from "./slack-harness.ts";

/** The channel the fixtures' mentions come from: every conversation's threads live here. */
const home = "COPS00001";

/**
 * What a press needs: the message as Slack showed it, so the block_actions payload carries it; or the
 * modal cpbot opened, whose Submit is a view_submission.
 */
type Handle = { message: SeenMessage } | { modal: ModalView };

interface ModalView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit?: { text: string };
  blocks: SeenMessage["blocks"];
}

/** "U-ANN" → "UANN": Slack user ids are capitals and digits. */
const slackUser = (actor: Actor) => actor.id.replace(/[^A-Z0-9]/g, "");

/**
 * Plays conversations through `cpbot serve` with Slack: every `say` and `cp` is a signed app_mention in the
 * conversation's thread (the first one of a thread opens it in the channel), every `press` a signed
 * block_actions payload built from the message Slack holds, all over HTTP to Bolt's receiver on 127.0.0.1.
 * What comes back is read from the Web API calls cpbot made (chat.postMessage, chat.update) and its
 * response_url posts, so the checks see exactly what Slack would show. A `/cp` line is sent as a mention
 * because slash commands cannot be used inside a thread; the words are the same.
 */
export async function slackDriver(): Promise<ConversationDriver> {
  let now = new Date("2025-03-04T09:00:00.000Z");
  const h = await SlackHarness.start({}, { retryConfig: { retries: 0 } }, { clock: () => now });
  const roots = new Map<string, string>();

  async function send(input: DriverInput): Promise<DriverOutput> {
    const calls = h.api.calls.length;
    const responses = h.api.responses.length;
    if (input.kind === "press") {
      const button = input.card.buttons[input.button];
      if (!button) throw new Error(`no button ${input.button} on the card`);
      const handle = button.handle as Handle;
      const user = { id: slackUser(input.user), username: input.user.name ?? input.user.id };
      if ("modal" in handle) {
        const refused = await submitModal(h, handle.modal, user, input.inputs ?? {});
        // Slack keeps a modal open to show its field errors: the same modal, now with the error.
        if (refused) return { replies: [modalShown(handle.modal, refused)], elsewhere: [] };
      } else {
        await h.press(handle.message, button.label, { user, ...(input.inputs ? { inputs: input.inputs } : {}) });
      }
    } else {
      const root = roots.get(input.thread);
      const { envelope, ts } = h.mention(input.text, {
        user: slackUser(input.user),
        ...(root ? { threadTs: root } : {}),
      });
      if (!root) roots.set(input.thread, ts);
      // Slack puts the author's profile on the event; the person is named as the conversation names them.
      const name = input.user.name ?? input.user.id;
      Object.assign(envelope.event, { user_profile: { display_name: name, real_name: name, name } });
      if (input.files?.length) {
        Object.assign(envelope.event, {
          files: input.files.map((f, i) => ({
            id: `F0000${i}`,
            name: f.name,
            title: f.name,
            mimetype: "application/octet-stream",
            ...(f.url ? { permalink: f.url, url_private: f.url } : {}),
          })),
        });
      }
      await h.event(envelope);
    }
    const made = h.api.calls.slice(calls).filter((c) => /^chat\.(postMessage|update|postEphemeral)$/.test(c.method));
    const count = (channel: string) => made.filter((c) => c.body.channel === channel).length;
    const lastIn = (channel: string) => (count(channel) ? h.messagesIn(channel).slice(-count(channel)) : []);
    const responded = h.api.responses.slice(responses).map(
      (r): SeenMessage => ({
        channel: home,
        blocks: (r.body.blocks as SeenMessage["blocks"] | undefined) ?? [],
        text: String(r.body.text ?? ""),
        ephemeral: r.body.response_type !== "in_channel",
      }),
    );
    const modals = h.api.calls
      .slice(calls)
      .filter((c) => c.method === "views.open")
      .map((c) => modalShown(c.body.view as ModalView));
    return {
      replies: [...[...lastIn(home), ...responded].map(shown), ...modals],
      elsewhere: lastIn(escalationChannel).map(shown),
    };
  }

  return {
    send,
    knowsKinds: false,
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    get store() {
      return h.server.store;
    },
    close: () => h.close(),
  };
}

/** Every text a person reads in a Block Kit message, buttons left out, in plain words. */
export function slackPlainText(message: SeenMessage): string {
  const lines: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "actions" || o.type === "button") return;
    if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") lines.push(o.text);
    else for (const value of Object.values(o)) visit(value);
  };
  visit(message.blocks);
  return lines
    .join("\n")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/[*`]/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The view_submission for a modal's Submit, signed; Slack's inline errors when cpbot kept it open. */
async function submitModal(
  h: SlackHarness,
  modal: ModalView,
  user: { id: string; username: string },
  inputs: Record<string, string>,
): Promise<string | undefined> {
  const payload = fixture<Record<string, unknown> & { view: Record<string, unknown> }>("view-submission");
  payload.user = { id: user.id, username: user.username, name: user.username, team_id: "T0001" };
  const values: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const block of modal.blocks) {
    const element = block.element as { action_id?: string } | undefined;
    if (block.type === "input" && typeof block.block_id === "string" && element?.action_id)
      values[block.block_id] = {
        [element.action_id]: { type: "plain_text_input", value: inputs[block.block_id] ?? "" },
      };
  }
  payload.view = {
    ...payload.view,
    id: `VCONV${++modalSeq}`,
    callback_id: modal.callback_id,
    private_metadata: modal.private_metadata,
    blocks: modal.blocks,
    state: { values },
  };
  const answer = await h.interact(payload);
  if (!answer.text.startsWith("{")) return undefined;
  const ack = JSON.parse(answer.text) as { response_action?: string; errors?: Record<string, string> };
  return ack.response_action === "errors" ? Object.values(ack.errors ?? {}).join("\n") : undefined;
}
let modalSeq = 0;

function modalShown(modal: ModalView, error?: string): Shown {
  const text = [modal.title.text, slackPlainText({ channel: home, blocks: modal.blocks, text: "", ephemeral: false })];
  if (error) text.push(error);
  return {
    title: modal.title.text,
    text: text.join("\n"),
    buttons: [{ label: modal.submit?.text ?? "Submit", handle: { modal } satisfies Handle }],
  };
}

function shown(message: SeenMessage): Shown {
  const text = slackPlainText(message);
  return {
    // Block Kit has no card title: a title check reads the message's words.
    title: text,
    text,
    buttons: buttonsOf(message).map((b) => ({ label: b.text.text, handle: { message } satisfies Handle })),
  };
}
