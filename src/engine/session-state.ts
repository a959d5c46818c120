import { z } from "zod";
import type { ConversationRef } from "../core/bot-event.ts";
import type { ToolResult } from "../tools/tool-result.ts";

/**
 * The JSON document the engine keeps per thread (the store never looks inside). It is parsed with this
 * schema on every read, so a document from an older or broken build starts a clean session instead of
 * crashing the thread.
 */

const ActorSchema = z.object({ id: z.string(), name: z.string().optional() });

const ConversationSchema = z.object({
  platform: z.enum(["slack", "teams", "cli", "console"]),
  channelId: z.string(),
  threadId: z.string().optional(),
  permalink: z.string().optional(),
  /**
   * A slash command's private session (ConversationRef.privateTo). Kept on every read, not only the
   * first: an escalation opened from this session takes the session's conversation as its origin, and
   * the origin's notices must stay private to its owner.
   */
  privateTo: z.string().optional(),
});

/** Where a walkthrough stands: a step of the main sequence (troubleshooting + solution) or of a branch. */
export const CursorSchema = z.object({
  /** The step's id, checked on every read so a changed playbook cannot put a person on the wrong step. */
  step: z.string(),
  index: z.number().int().nonnegative(),
  branch: z.string().optional(),
  /** Main-sequence index to continue at when the branch runs out. */
  returnTo: z.number().int().nonnegative().optional(),
});
export type Cursor = z.infer<typeof CursorSchema>;

export const StepRecordSchema = z.object({
  status: z.enum(["done", "skipped"]),
  by: ActorSchema,
  at: z.string(),
  /** For a choice step: the branch picked. */
  branch: z.string().optional(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

export const InputRecordSchema = z.object({
  step: z.string(),
  label: z.string(),
  text: z.string(),
  by: ActorSchema,
  at: z.string(),
  tool: z.string().optional(),
  verdict: z.enum(["ok", "warning", "problem", "invalid"]).optional(),
  summary: z.string().optional(),
  figures: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  /** The checker's full result, shown again on the step card and carried into a handoff. */
  result: z.custom<ToolResult>((v) => typeof v === "object" && v !== null).optional(),
});
export type InputRecord = z.infer<typeof InputRecordSchema>;

export const EvidenceRecordSchema = z.object({
  value: z.string(),
  /** The step or message it came from. */
  source: z.string(),
  by: ActorSchema,
  at: z.string(),
});

export const LogEntrySchema = z.object({
  at: z.string(),
  by: ActorSchema,
  action: z.string(),
  step: z.string().optional(),
  detail: z.string().optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const WalkthroughSchema = z.object({
  /** "w3-1a2b3c": unique; with the session key it makes the escalation idempotency key. */
  id: z.string(),
  playbook: z.string(),
  version: z.number().int(),
  startedAt: z.string(),
  startedBy: ActorSchema,
  /** Absent once the last step is behind. */
  cursor: CursorSchema.optional(),
  /** Earlier cursors, for Back. */
  trail: z.array(CursorSchema),
  branch: z.string().optional(),
  steps: z.record(z.string(), StepRecordSchema),
  inputs: z.record(z.string(), InputRecordSchema),
  evidence: z.record(z.string(), EvidenceRecordSchema),
  log: z.array(LogEntrySchema),
  /** "not-fixed": "Did this help?" was answered no; the escalation is offered, not opened. */
  status: z.enum(["active", "awaiting-outcome", "fixed", "not-fixed", "escalated", "abandoned"]),
  /**
   * The step whose last entry its checker refused, with that result: Done stays hidden there until an
   * entry passes (or the person moves on), however often the step is shown again meanwhile.
   */
  refused: z
    .object({ step: z.string(), result: z.custom<ToolResult>((v) => typeof v === "object" && v !== null) })
    .optional(),
  /** Set when the walkthrough became the thread's topic again after another question ("resume"). */
  topicSeq: z.number().int().nonnegative().optional(),
});
export type Walkthrough = z.infer<typeof WalkthroughSchema>;

export const QuestionSchema = z.object({
  /** "q2-1a2b3c": unique, so "escalate" without a walkthrough has its own idempotency key. */
  id: z.string(),
  text: z.string(),
  at: z.string(),
  by: ActorSchema,
  /** The matcher's kind, or "open" / "fault" for an explicit command. */
  kind: z.string(),
  playbook: z.string().nullable(),
  confidence: z.number(),
  alternatives: z.array(z.object({ playbook: z.string(), confidence: z.number() })),
  /** Evidence given as `id: value` while no walkthrough ran. */
  evidence: z.record(z.string(), EvidenceRecordSchema).optional(),
  /** "Did this help?" answered on this question's first answer; only the first answer is counted. */
  feedback: z.enum(["fixed", "not-fixed"]).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const SessionStateSchema = z.object({
  v: z.literal(1),
  conversation: ConversationSchema,
  /** Counter behind question and walkthrough ids; only grows. */
  seq: z.number().int().nonnegative(),
  /** The last question, `fault` or `open` in the thread. */
  question: QuestionSchema.optional(),
  walkthrough: WalkthroughSchema.optional(),
  /** The thread was asked which station it is about; asked once per thread. */
  stationAsked: z.boolean().optional(),
  /** The next message may answer "Which station is affected?" ("CPF-6", "skip"). */
  stationAwaited: z.boolean().optional(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export function emptySession(conversation: ConversationRef): SessionState {
  return { v: 1, conversation: { ...conversation }, seq: 0 };
}

/** One session per thread: a DM or slash command without a thread shares the conversation's session. */
export function sessionKey(conversation: ConversationRef): string {
  const key = [conversation.platform, conversation.channelId, conversation.threadId ?? "-"].join(":");
  return conversation.privateTo ? `${key}:@${conversation.privateTo}` : key;
}

/** The number inside "q2-…" / "w3-…", to tell which of the question and the walkthrough came last. */
export function seqOf(id: string): number {
  return Number.parseInt(id.slice(1), 10) || 0;
}

/**
 * Whether the walkthrough, rather than a later question, is what the thread is about: it started (or was
 * resumed) after the last question.
 */
export function walkIsTopic(state: Pick<SessionState, "walkthrough" | "question">): boolean {
  const { walkthrough: w, question: q } = state;
  if (!w) return false;
  return !q || Math.max(seqOf(w.id), w.topicSeq ?? 0) > seqOf(q.id);
}
