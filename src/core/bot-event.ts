/**
 * The neutral events adapters hand to the engine. Adapters translate platform payloads into these;
 * the engine never sees a Slack or Teams object (`raw` is an escape hatch the core never reads).
 */
export type Platform = "slack" | "teams" | "cli" | "console";

export interface Actor {
  id: string;
  name?: string;
}

/** Where a conversation happens. `threadId` is the root message of a thread; each thread is a session. */
export interface ConversationRef {
  platform: Platform;
  /** Slack channel id, Teams conversation id (without `;messageid=`), or "terminal". */
  channelId: string;
  /** Slack thread_ts, Teams root message id; absent for a DM without threads or a slash command. */
  threadId?: string;
  /** A link a person can open to get back to the thread, when the platform has one. */
  permalink?: string;
  /**
   * A private surface seen by one person only (Slack slash-command answers are ephemeral): the session
   * belongs to that user alone, so two people using `/cp` in one channel never share a walkthrough, and
   * posts into it are shown to that user only.
   */
  privateTo?: string;
}

interface EventBase {
  /**
   * Unique per delivery of one user action (Slack event_id / trigger_id, Teams activity id). A repeated id
   * is a retry and must not produce a second reply or a second escalation.
   */
  eventId: string;
  conversation: ConversationRef;
  user: Actor;
  /** ISO time the platform says the event happened; the engine's clock is used when absent. */
  at?: string;
  raw?: unknown;
}

/** A chat message to the bot (mention in a channel, DM, or a follow-up in a thread the bot is in). */
export interface MessageEvent extends EventBase {
  kind: "message";
  /** Mentions of the bot already stripped by the adapter. */
  text: string;
  /** Files attached to the message (Slack file shares, Teams attachments), kept as escalation evidence. */
  files?: Attachment[];
}

/** A file someone attached in the thread: its name and, when the platform gives one, a link to it. */
export interface Attachment {
  name: string;
  url?: string;
}

/** An explicit command: Slack `/cp …`, or the same words typed in Teams or the terminal. */
export interface CommandEvent extends EventBase {
  kind: "command";
  /** Everything after `/cp`. */
  text: string;
  /** The slash command as typed, when the platform has one (Slack: "/cp", or the name it was renamed to). */
  command?: string;
}

/** A button press or form submit on a card the bot sent. */
export interface ActionEvent extends EventBase {
  kind: "action";
  /** The button's `action` verb from the card model. */
  action: string;
  /** The button's `value` payload. */
  value?: string;
  /** Values of the card's input blocks, keyed by input id. */
  inputs?: Record<string, string>;
  /** Platform id of the message the button was on, so it can be updated in place. */
  messageId?: string;
}

export type BotEvent = MessageEvent | CommandEvent | ActionEvent;
