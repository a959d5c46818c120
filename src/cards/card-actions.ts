import { z } from "zod";

/**
 * The button verbs cards carry and the engine understands. A button's `value` is the JSON text of an
 * ActionPayload; adapters pass both back unchanged in an ActionEvent.
 */
export const cardActions = {
  /** Overview → start the walkthrough of `playbook`. */
  walkStart: "walk.start",
  /** Overview → the whole article of `playbook` as its own card (where it cannot unfold in place). */
  overviewFull: "overview.full",
  /** Walkthrough navigation on the current step of `session`. */
  walkDone: "walk.done",
  walkBack: "walk.back",
  walkSkip: "walk.skip",
  /** Pick `branch` at a choice step. */
  walkChoose: "walk.choose",
  /** Submit the step's input (values arrive in ActionEvent.inputs). */
  walkSubmit: "walk.submit",
  /** End of walkthrough: did it fix the problem? "no" escalates. */
  resolvedYes: "walk.fixed",
  resolvedNo: "walk.not-fixed",
  /** "Did this help?" on a first answer: `helped` says which; stored per playbook, step and fault code. */
  feedbackHelped: "feedback.helped",
  feedbackNotHelped: "feedback.not-helped",
  /** Open `playbook`'s overview (did-you-mean choice, list entry). */
  open: "open",
  /** "Not this one?": show the alternatives of the last match. */
  alternatives: "alternatives",
  /** "None of these" on a did-you-mean card. */
  noneOfThese: "none",
  /** Open an escalation for the thread's playbook or last question. */
  escalate: "escalate",
  /** "Escalate…" where no playbook is known: ask what is wrong first (Slack: a modal; elsewhere a form card). */
  escalateAsk: "escalate.ask",
  /** The "what is wrong?" form's Submit: files the escalation with the typed text (input `problem`). */
  escalateSubmit: "escalate.submit",
  /** Every playbook by section (the no-match card's "Browse all"). */
  browse: "browse",
  /** Run the `/cp` words in `query` (a did-you-mean for a mistyped subcommand). */
  run: "run",
  /** Read `query` as a question, not as a mistyped subcommand. */
  ask: "ask",
  /** Escalation lifecycle, on the handoff card in the escalation channel. */
  escalationClaim: "esc.claim",
  escalationNeedInfo: "esc.need-info",
  escalationResolve: "esc.resolve",
  /** The requester withdraws their own escalation (on the notice in their thread). */
  escalationCancel: "esc.cancel",
  /** Reveal content folded away to fit a platform limit. */
  showMore: "show-more",
  /** Post an ephemeral card to the channel. */
  share: "share",
  /** Station message form submit. */
  stationMessageSubmit: "msg.submit",
} as const;
export type CardAction = (typeof cardActions)[keyof typeof cardActions];

export const ActionPayloadSchema = z.object({
  playbook: z.string().optional(),
  session: z.string().optional(),
  step: z.string().optional(),
  branch: z.string().optional(),
  escalation: z.string().optional(),
  /** The escalation's unguessable reference, checked against the stored one. */
  ref: z.string().max(64).optional(),
  query: z.string().optional(),
  /** For show-more: which part of a folded card. */
  part: z.number().int().nonnegative().optional(),
});
export type ActionPayload = z.infer<typeof ActionPayloadSchema>;

/** Button values are built with JSON.stringify, never by pasting strings. */
export function encodeActionPayload(payload: ActionPayload): string {
  return JSON.stringify(payload);
}

export function decodeActionPayload(value: string | undefined): ActionPayload {
  if (!value) return {};
  try {
    const parsed = ActionPayloadSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
