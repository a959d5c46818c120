import { z } from "zod";
import { cardKinds } from "../cards/card-schema.ts";

const texts = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const kind = z.enum(cardKinds);

/**
 * What must (and must not) be in the cards one turn answers with. Every field is optional; text checks are
 * exact, case-sensitive substrings of a card's title and text, so guide names are checked as written.
 */
export const ExpectSchema = z.strictObject({
  /** A card of this kind is among the reply's cards. */
  kind: kind.optional(),
  /** No card of these kinds. */
  not_kind: z.union([kind, z.array(kind)]).optional(),
  /** Some card's title contains this. */
  title: z.string().min(1).optional(),
  /** The reply's text contains each of these. */
  text: texts.optional(),
  /** The reply's text contains none of these. */
  not_text: texts.optional(),
  /** Buttons with exactly these labels are offered. */
  buttons: texts.optional(),
  /** No button with these labels. */
  not_buttons: texts.optional(),
  /** How many cards the reply has (0: the bot stays silent). */
  cards: z.number().int().min(0).optional(),
});
export type Expect = z.infer<typeof ExpectSchema>;

/** Cards posted to or updated in other conversations during the turn (handoff, thread notices). */
export const PostedSchema = z.strictObject({
  kind: kind.optional(),
  text: texts.optional(),
  not_text: texts.optional(),
  /** How many posts and updates the turn made (0: nothing went elsewhere). */
  count: z.number().int().min(0).optional(),
});

/** What the store holds after the turn. */
export const StoredSchema = z.strictObject({
  /** Escalations in the store. */
  escalations: z.number().int().min(0).optional(),
  /** The newest escalation. */
  escalation: z
    .strictObject({
      playbook: z.string().optional(),
      status: z.enum(["open", "claimed", "need-info", "resolved"]).optional(),
      /** The handoff's question contains this. */
      question: z.string().optional(),
      note: z.string().optional(),
      /** Evidence id → text its stored value contains. */
      evidence: z.record(z.string(), z.string()).optional(),
      /** The stored handoff (as JSON) contains each of these. */
      handoff_text: texts.optional(),
    })
    .optional(),
  /** Questions recorded as unmatched (the no-match answers authors review). */
  unmatched: z.number().int().min(0).optional(),
  /** Questions recorded in all. */
  questions: z.number().int().min(0).optional(),
});

const who = z.string().min(1).optional();

/**
 * One thing someone does. Exactly one of `say` (a message in the thread), `cp` (a `/cp` command) or
 * `press` (a button label on the newest card that has it; `inputs` fills the card's fields).
 * `as` names the person (default ann); `thread` the thread (default main).
 */
export const ScriptTurnSchema = z
  .strictObject({
    say: z.string().optional(),
    cp: z.string().optional(),
    press: z.string().min(1).optional(),
    inputs: z.record(z.string(), z.string()).optional(),
    /** Files attached to the message (name, and an optional link). */
    files: z.array(z.strictObject({ name: z.string().min(1), url: z.string().optional() })).optional(),
    as: who,
    thread: z.string().min(1).optional(),
    /** Minutes that pass before this turn (default 1). */
    wait: z.number().min(0).optional(),
    expect: ExpectSchema.optional(),
    posted: PostedSchema.optional(),
    stored: StoredSchema.optional(),
  })
  .refine((t) => [t.say, t.cp, t.press].filter((x) => x !== undefined).length === 1, {
    message: "each turn needs exactly one of say, cp or press",
  });
export type ScriptTurn = z.infer<typeof ScriptTurnSchema>;

export const ConversationSchema = z.strictObject({
  /** One line: what the conversation shows. */
  name: z.string().min(1),
  /** Free text for authors: why this conversation exists. */
  about: z.string().optional(),
  platform: z.enum(["slack", "teams", "cli", "console"]).default("slack"),
  turns: z.array(ScriptTurnSchema).min(1),
});
export type Conversation = z.infer<typeof ConversationSchema>;
