import type { Actor } from "../core/bot-event.ts";
import type { Store } from "../store/store.ts";
import type { Shown } from "./shown-card.ts";

/** One thing a person does, as the runner hands it to a driver. */
export type DriverInput =
  | {
      kind: "say" | "cp";
      text: string;
      user: Actor;
      thread: string;
      files?: { name: string; url?: string }[];
    }
  | { kind: "press"; card: Shown; button: number; inputs?: Record<string, string>; user: Actor; thread: string };

/** What one turn produced: the answer in the thread, and what went to other conversations meanwhile. */
export interface DriverOutput {
  replies: Shown[];
  elsewhere: Shown[];
}

/**
 * Runs a conversation's turns through one way into the bot: the platform-neutral engine, or a platform
 * adapter (Slack, Teams) in the tests. `store` answers the conversation's `stored` checks.
 */
export interface ConversationDriver {
  send(input: DriverInput): Promise<DriverOutput>;
  /** Lets minutes pass on the bot's clock. */
  advance(minutes: number): void;
  readonly store: Store;
  close(): Promise<void>;
}
