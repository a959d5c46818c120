import { z } from "zod";

/**
 * The one neutral card model every reply is built in. Templates render into it; pure converters in
 * `adapters/` turn it into Slack Block Kit, Teams Adaptive Cards or plain text.
 *
 * Text in a card is plain text with two marks only: **bold** and `code`. It never carries platform markup,
 * so a converter can escape everything else (Slack's `& < >`) without knowing where a string came from.
 */

const str = z.string();

export const ButtonSchema = z.strictObject({
  /** The action verb, e.g. "walk.start"; adapters map it to action_id / Action.Submit data. */
  action: z.string().min(1).max(100),
  label: z.string().min(1),
  /** Opaque payload the engine gets back when the button is pressed (JSON text), at most 2,000 characters. */
  value: z.string().max(2000).optional(),
  style: z.enum(["primary", "danger"]).optional(),
  /**
   * The id of a `details` block on the same card. A platform that can fold content in place (Teams:
   * Action.ToggleVisibility) shows or hides that block instead of sending the action; the others drop
   * the block and send the action, which answers with the same content as a new message.
   */
  toggles: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional(),
});
export type Button = z.infer<typeof ButtonSchema>;

export const StepItemSchema = z.strictObject({
  /** "1", "2", "a" … as numbered in the playbook. */
  label: str,
  text: str,
  substeps: z.array(str).optional(),
  notes: z.array(str).optional(),
  warnings: z.array(str).optional(),
  status: z.enum(["todo", "current", "done", "skipped"]).optional(),
});

const contentBlocks = [
  z.strictObject({ type: z.literal("header"), text: str }),
  z.strictObject({
    type: z.literal("text"),
    text: str,
    /** warning: must stand out (DO NOT CLEAR THE MAINTENANCE FLAG); muted: secondary context. */
    style: z.enum(["normal", "warning", "muted", "success", "error"]).optional(),
  }),
  z.strictObject({
    type: z.literal("fields"),
    fields: z.array(z.strictObject({ label: str, value: str })),
  }),
  z.strictObject({
    type: z.literal("list"),
    title: str.optional(),
    items: z.array(str),
  }),
  z.strictObject({
    type: z.literal("table"),
    title: str.optional(),
    columns: z.array(str).min(1),
    rows: z.array(z.array(str)),
  }),
  z.strictObject({
    type: z.literal("steps"),
    title: str.optional(),
    items: z.array(StepItemSchema),
  }),
  z.strictObject({
    type: z.literal("input"),
    /** Field id; submitted values come back keyed by it. */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    label: str,
    placeholder: str.optional(),
    initial: str.optional(),
    multiline: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    /** Inline validation error for this field. */
    error: str.optional(),
  }),
  z.strictObject({
    type: z.literal("actions"),
    buttons: z.array(ButtonSchema).min(1),
  }),
  z.strictObject({ type: z.literal("divider") }),
  /**
   * People named so the platform notifies them: Slack `<@U…>`, a Teams mention entity, a plain name
   * elsewhere. Only the engine fills it, from ids the platform gave (a requester, a claimer, responders),
   * never from typed text, so nobody can make cpbot ping by writing a name. Editing a message that holds
   * it notifies nobody again (Slack chat.update, Teams updateActivity).
   */
  z.strictObject({
    type: z.literal("people"),
    /** Shown before the names: "Requester", "Reminder for". */
    label: str,
    people: z.array(z.strictObject({ id: str, name: str.optional() })),
    /** Also call everyone in the conversation (the escalation channel: Slack @here). */
    everyone: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("context"), text: str }),
] as const;

export const ContentBlockSchema = z.discriminatedUnion("type", [...contentBlocks]);
/** Any block but `details`: what a folded part may hold (one level of folding is enough). */
export type ContentBlock = z.infer<typeof ContentBlockSchema>;

export const CardBlockSchema = z.discriminatedUnion("type", [
  ...contentBlocks,
  /**
   * Content one press away: hidden until a button with `toggles: id` is pressed where the platform can
   * fold (Teams), otherwise left out of the message (that button's action brings it as a new message).
   */
  z.strictObject({
    type: z.literal("details"),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    blocks: z.array(ContentBlockSchema).min(1),
  }),
]);
export type CardBlock = z.infer<typeof CardBlockSchema>;

export const cardKinds = [
  /** A playbook answer first: what it is, the next thing to do, buttons; the article folded. */
  "overview",
  /** A playbook's whole article ("Show all steps" where the overview cannot fold it). */
  "article",
  "step",
  /** End of a walkthrough: what was done and skipped, "Did that fix it?". */
  "walkthrough-end",
  "did-you-mean",
  "no-match",
  /** "Escalate…" with no playbook known: what is wrong? (a text input and Submit). */
  "escalate-form",
  "help",
  "list",
  "validation",
  "tool-result",
  "escalation",
  "escalation-status",
  "escalations",
  "stats",
  "error",
  "info",
] as const;
export const CardKindSchema = z.enum(cardKinds);
export type CardKind = z.infer<typeof CardKindSchema>;

export const CardSchema = z.strictObject({
  kind: CardKindSchema,
  /** One line; also the notification text on platforms that need one. */
  title: str.min(1),
  blocks: z.array(CardBlockSchema),
});
export type Card = z.infer<typeof CardSchema>;
