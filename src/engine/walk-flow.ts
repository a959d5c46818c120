import type { ActionPayload } from "../cards/card-actions.ts";
import { BotError } from "../core/bot-error.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import { infoCard } from "../render/info-card.ts";
import { type Walkthrough, walkIsTopic } from "./session-state.ts";
import { nextId, record, type Turn, type TurnReply } from "./turn.ts";
import { endCard, statusCard, walkStepCard } from "./walk-cards.ts";
import { currentStep, type NavAction, navigate, startWalkthrough } from "./walkthrough.ts";

/** The registry's playbook for an id, or a not_found error the person can act on. */
export function playbookFor(turn: Turn, id: string): Playbook {
  const playbook = turn.deps.registry.get(id);
  if (!playbook) {
    throw new BotError(`The playbook "${id}" is no longer available. Use list to see the playbooks.`, "not_found");
  }
  return playbook;
}

/** Starts a walkthrough, or resumes the one already running for this playbook (a second Start press). */
export async function startWalk(turn: Turn, playbook: Playbook): Promise<TurnReply> {
  const running = turn.state.walkthrough;
  if (running && running.playbook === playbook.id && running.status === "active" && currentStep(playbook, running)) {
    // Pressed after another question: the walkthrough is the thread's topic again ("resume").
    if (!walkIsTopic(turn.state)) {
      const seq = turn.state.seq + 1;
      turn.state = { ...turn.state, seq, walkthrough: { ...running, topicSeq: seq } };
    }
    return { cards: [walkStepCard(playbook, running)] };
  }
  if (running?.status === "active")
    record(turn, "step", { playbook: running.playbook, action: "abandon", ...at(running) });
  const started = startWalkthrough(playbook, nextId(turn, "w"), turn.by, turn.at);
  // What the question already gave ("fault 303-RSC on CPF-6", "station CPF-6" after the overview) goes
  // with the walkthrough, whose evidence is what an escalation from it carries.
  const q = turn.state.question;
  const given = q?.playbook === playbook.id ? q.evidence : undefined;
  const w = given ? { ...started, evidence: { ...given } } : started;
  turn.state = { ...turn.state, walkthrough: w };
  record(turn, "walkthrough-start", { playbook: playbook.id, data: { walkthrough: w.id, version: playbook.version } });
  if (!w.cursor) return finish(turn, playbook, w, false);
  return { cards: [walkStepCard(playbook, w)] };
}

function at(w: Walkthrough): { step?: string } {
  return w.cursor ? { step: w.cursor.step } : {};
}

/** The walkthrough a button or message refers to, if it is still the thread's current one. */
export function activeWalk(turn: Turn): { w: Walkthrough; playbook: Playbook } | undefined {
  const w = turn.state.walkthrough;
  if (!w) return undefined;
  // The version the walkthrough started on, even after a hot reload brought a newer one.
  const playbook = turn.deps.registry.get(w.playbook, w.version);
  return playbook ? { w, playbook } : undefined;
}

/**
 * One move on the current step. A button from an older card (a double click, a step already done, an
 * earlier walkthrough) moves nothing: the person gets the current step instead.
 */
export async function moveWalk(turn: Turn, action: NavAction, payload: ActionPayload): Promise<TurnReply> {
  const found = currentWalk(turn, payload);
  if ("cards" in found) return found;
  const { w, playbook } = found;
  if (payload.step && payload.step !== w.cursor?.step) return { cards: [walkStepCard(playbook, w)], mode: "replace" };
  return applyMove(turn, playbook, w, action, "replace");
}

/**
 * The thread's running walkthrough with a current step, or the reply for a button that no longer
 * applies: from an earlier walkthrough, after the end, or after the playbook changed under it.
 */
export function currentWalk(turn: Turn, payload: ActionPayload): { w: Walkthrough; playbook: Playbook } | TurnReply {
  const found = activeWalk(turn);
  if (!found || (payload.session && payload.session !== found.w.id)) {
    return {
      cards: [infoCard("That walkthrough is over", ["Ask again, or use open <playbook-id> to start it anew."])],
    };
  }
  const { w, playbook } = found;
  if (w.status !== "active") return { cards: [statusCard(playbook, w)], mode: "replace" };
  if (!currentStep(playbook, w)) return changedPlaybook(turn, playbook, w);
  return found;
}

export async function applyMove(
  turn: Turn,
  playbook: Playbook,
  w: Walkthrough,
  action: NavAction,
  mode: TurnReply["mode"],
) {
  let result: ReturnType<typeof navigate>;
  try {
    result = navigate(playbook, w, action, turn.by, turn.at);
  } catch (error) {
    // A move the step does not accept is shown on the step itself, next to the buttons that do work.
    if (error instanceof BotError && error.code === "invalid_input") {
      return { cards: [walkStepCard(playbook, w, error.message)], mode };
    }
    throw error;
  }
  const next = result.walkthrough;
  turn.state = { ...turn.state, walkthrough: next };
  const detail = action.kind === "choose" ? { data: { branch: action.branch } } : {};
  record(turn, "step", { playbook: playbook.id, step: result.step.id, action: action.kind, ...detail });
  // Done on a last step where the guide says to contact Support is the request itself; Skip there means
  // the issue did not persist, so the person is asked whether it was fixed instead. A replacement step is
  // not a Support step: its escalation is offered on the end card, never opened here.
  if (result.outcome === "ended") {
    return finish(turn, playbook, next, result.step.escalate === true && action.kind === "done", result.step);
  }
  return { cards: [walkStepCard(playbook, next)], mode };
}

/**
 * The last step is behind: where the guide says to contact Support there, the escalation opens on its
 * own; otherwise the person is asked whether it fixed the problem (with the replacement or the stop the
 * last step named, and the escalation offered).
 */
async function finish(
  turn: Turn,
  playbook: Playbook,
  w: Walkthrough,
  guideSaysEscalate: boolean,
  last?: Step,
): Promise<TurnReply> {
  record(turn, "walkthrough-complete", { playbook: playbook.id, data: { walkthrough: w.id } });
  if (!guideSaysEscalate) return { cards: [endCard(playbook, w, last)], mode: "replace" };
  return escalateWalk(turn, playbook, w, "step");
}

export async function escalateWalk(
  turn: Turn,
  playbook: Playbook,
  w: Walkthrough,
  trigger: "step" | "not-fixed" | "button" | "command",
  note?: string,
): Promise<TurnReply> {
  const { cards } = await turn.escalations.open(turn, {
    trigger,
    idempotencyKey: `${turn.key}:${w.id}`,
    playbook,
    walkthrough: w,
    ...(note ? { note } : {}),
  });
  // An escalation from the middle of a walkthrough leaves it running: steps can go on while Support looks.
  if (w.status !== "active") turn.state = { ...turn.state, walkthrough: { ...w, status: "escalated" } };
  return { cards };
}

export function changedPlaybook(turn: Turn, playbook: Playbook, w: Walkthrough): TurnReply {
  turn.state = { ...turn.state, walkthrough: { ...w, status: "abandoned" } };
  return {
    cards: [
      infoCard(`${playbook.title} changed`, [
        `The playbook was updated (v${w.version} → v${playbook.version}) and the step you were on is gone. Start the walkthrough again with open ${playbook.id}.`,
      ]),
    ],
  };
}
