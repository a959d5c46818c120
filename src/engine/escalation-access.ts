import { cardActions } from "../cards/card-actions.ts";
import { BotError } from "../core/bot-error.ts";
import type { BotEvent } from "../core/bot-event.ts";
import type { EscalationRecord } from "../store/store.ts";
import type { CommandContext } from "./command-parser.ts";
import { parseCommand } from "./command-parser.ts";
import type { EngineDeps } from "./engine-deps.ts";

/**
 * What a person may do with escalations. Responders (members of the escalation channel, plus the ids in
 * ESCALATION_RESPONDERS) act on every escalation and see every list; a requester may add information to
 * and cancel their own; anyone else is refused and nothing changes.
 */
export type Role = "responder" | "member";

const responderActions = new Set<string>([
  cardActions.escalationClaim,
  cardActions.escalationNeedInfo,
  cardActions.escalationResolve,
  cardActions.escalationCancel,
]);

/**
 * Whether the event needs the person's role at all: asking the platform costs a call, so only lifecycle
 * buttons and the escalation list and stats commands ask.
 */
export function needsRole(event: BotEvent, ctx: CommandContext): boolean {
  if (event.kind === "action") return responderActions.has(event.action);
  try {
    const { kind } = parseCommand(event.text, ctx).command;
    return kind === "escalations" || kind === "stats";
  } catch {
    // Not a command the parser knows: the handler will say so; no role is needed for that.
    return false;
  }
}

/**
 * The person's role, decided before the turn's transaction (the platform call is asynchronous). Without a
 * members port and without configured responders, everyone is a responder: the terminal chat has one user.
 */
export async function roleOf(deps: EngineDeps, event: BotEvent): Promise<Role> {
  const responders = deps.config.responders;
  if (!deps.members && responders === undefined) return "responder";
  if (responders?.includes(event.user.id)) return "responder";
  if (!deps.members) return "member";
  return (await deps.members.isMember(event.conversation.platform, event.user.id)) ? "responder" : "member";
}

/** Throws the refusal the person sees (ephemerally) unless they are a responder, or the requester where allowed. */
export function assertMayAct(
  role: Role,
  by: { id: string },
  escalation: EscalationRecord,
  what: "claim" | "need-info" | "resolve" | "cancel" | "add-info",
): void {
  if (role === "responder") return;
  const own = escalation.requester.id === by.id;
  if (own && (what === "cancel" || what === "add-info")) return;
  const action = {
    claim: "claim",
    "need-info": "ask for information on",
    resolve: "resolve",
    cancel: "cancel",
    "add-info": "add information to",
  }[what];
  throw new BotError(
    own
      ? `Only Support can ${action} ${escalation.id}. You can add information to it in your thread, or cancel it.`
      : `Only Support (members of the escalation channel) can ${action} ${escalation.id}; nothing was changed.`,
    "forbidden",
  );
}
