import { randomBytes, timingSafeEqual } from "node:crypto";
import { escalationAudit, transitionAction } from "../audit/escalation-audit.ts";
import type { Card } from "../cards/card-schema.ts";
import { BotError } from "../core/bot-error.ts";
import type { ConversationRef } from "../core/bot-event.ts";
import type { Logger } from "../core/logger.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { escalationCard, escalationStatusCard } from "../render/escalation-card.ts";
import { infoCard } from "../render/info-card.ts";
import type { EscalationRecord, EscalationStatus } from "../store/store.ts";
import { buildHandoff, type EscalationTrigger } from "./build-handoff.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { assertMayAct } from "./escalation-access.ts";
import { alreadyCard, openedCard } from "./escalation-notices.ts";
import { escalationView, handoffOf, statusUpdate, subjectOf } from "./escalation-view.ts";
import { queueNotice } from "./queue-reply.ts";
import type { Question, Walkthrough } from "./session-state.ts";
import { askStationOnce } from "./station-question.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

export interface EscalationRequest {
  trigger: EscalationTrigger;
  /** One walkthrough (or one question) → at most one escalation, whatever is retried or double-clicked. */
  idempotencyKey: string;
  playbook?: Playbook;
  question?: Question;
  walkthrough?: Walkthrough;
  note?: string;
}

/** What a button names: the escalation id and, on cards from this build on, its unguessable reference. */
export interface EscalationTarget {
  id: string;
  ref?: string;
}

export interface EscalationService {
  /** Stores the escalation (or finds the one already stored) in the turn; the handoff is posted after commit. */
  open(
    turn: Turn,
    request: EscalationRequest,
  ): Promise<{ escalation: EscalationRecord; created: boolean; cards: Card[] }>;
  /** Claim / Need info / Resolve / reopen, mirrored into the requester's thread. */
  transition(turn: Turn, target: EscalationTarget, to: EscalationStatus, note?: string): Promise<TurnReply>;
  /** The requester (or Support) withdraws an escalation: resolved, with a note saying it was cancelled. */
  cancel(turn: Turn, target: EscalationTarget): Promise<TurnReply>;
  /** A requester's answer to "need info": back to open, relayed to the handoff thread. */
  answerNeedInfo(turn: Turn, escalation: EscalationRecord, text: string): Promise<TurnReply>;
  /** Posts a note into the escalation's handoff thread (queued in the turn, or sent after the commit). */
  relay(turn: Turn, escalation: EscalationRecord, title: string, lines: string[]): Promise<void>;
  /** Stores evidence given after the escalation opened, updates the handoff card and notes it under it. */
  updateEvidence(turn: Turn, escalation: EscalationRecord, handoff: unknown, said: string): Promise<void>;
  /** Posts every stored handoff that never reached the escalation channel. */
  retryPendingDeliveries(): Promise<void>;
}

function sameRef(stored: string, given: string | undefined): boolean {
  const a = Buffer.from(stored);
  const b = Buffer.from(given ?? "");
  return a.length === b.length && timingSafeEqual(a, b);
}

const verbs = { claimed: "claim", "need-info": "need-info", resolved: "resolve", open: "claim" } as const;

/**
 * How long a caller may take to post a handoff before another replica's sweep may post it instead: it
 * only matters when the poster dies mid-post (a failed post gives the claim up at once), and is long
 * enough for a slow platform's own retries.
 */
export const handoffClaimMs = 120_000;

/**
 * Inside a turn (open, transition, cancel, answerNeedInfo) the store is `turn.deps.store`, the turn's
 * transaction; the deliveries after the commit use `deps.store`, the store itself.
 */
export function createEscalationService(deps: EngineDeps, log: Logger): EscalationService {
  const { store, transport, registry, config } = deps;
  // Guards against posting one handoff twice from this process (a double click while the first post is
  // still in flight, or a retry sweep racing a live request).
  const inFlight = new Set<string>();

  function destination(origin: ConversationRef): ConversationRef {
    if (!config.escalationDestination) return { ...origin };
    return { platform: origin.platform, channelId: config.escalationDestination };
  }

  async function deliver(
    escalation: EscalationRecord,
    notifyOrigin: boolean,
    onPostFailed?: (error: unknown) => void,
  ): Promise<boolean> {
    if (inFlight.has(escalation.id)) return true;
    inFlight.add(escalation.id);
    let claimed = false;
    try {
      const current = (await store.getEscalation(escalation.id)) ?? escalation;
      if (current.delivery.handoffMessageId) return true;
      // The claim is what other replicas see: their sweeps skip a handoff being posted right now.
      const now = deps.clock().getTime();
      const until = new Date(now + handoffClaimMs).toISOString();
      claimed = await store.claimHandoffPost(current.id, new Date(now).toISOString(), until);
      if (!claimed) return true;
      const to = destination(current.origin);
      const posted = await transport.post(to, escalationCard(escalationView(current, registry)));
      const handoffConversation: ConversationRef = {
        ...to,
        threadId: to.threadId ?? posted.messageId,
        ...(posted.permalink ? { permalink: posted.permalink } : {}),
      };
      await store.setEscalationDelivery(current.id, { handoffMessageId: posted.messageId, handoffConversation });
      if (notifyOrigin) {
        const notice = infoCard(`Escalation ${current.id} reached Support`, [
          `Your escalation about ${subjectOf(current)} is now in the support channel${posted.permalink ? `: ${posted.permalink}` : ""}.`,
        ]);
        if (deps.outbox) {
          // The handoff is recorded as posted: the notice must not depend on this attempt succeeding too.
          await queueNotice(store, { to: current.origin, cards: [notice] }, deps.clock().toISOString());
          deps.outbox.kick?.();
        } else {
          const sent = await transport.post(current.origin, notice);
          await store.setEscalationDelivery(current.id, { originMessageId: sent.messageId });
        }
      }
      log.info("escalation delivered", { escalation: current.id });
      return true;
    } catch (error) {
      // Stored, not lost: retryPendingDeliveries() posts it later, at once now that the claim is given up.
      log.warn("escalation handoff not delivered; will retry", { escalation: escalation.id, error });
      onPostFailed?.(error);
      if (claimed) {
        await store.releaseHandoffPost(escalation.id).catch((releaseError: unknown) => {
          log.warn("could not give up the claim on a handoff; it is retried when the claim ends", {
            escalation: escalation.id,
            error: releaseError,
          });
        });
      }
      return false;
    } finally {
      inFlight.delete(escalation.id);
    }
  }

  async function open(turn: Turn, request: EscalationRequest) {
    const handoff = buildHandoff({
      trigger: request.trigger,
      ...(request.playbook ? { playbook: request.playbook } : {}),
      ...(request.question ? { question: request.question } : {}),
      ...(request.walkthrough ? { walkthrough: request.walkthrough } : {}),
    });
    const version = request.walkthrough?.version ?? request.playbook?.version;
    const { escalation, created } = await turn.deps.store.createEscalation({
      idempotencyKey: request.idempotencyKey,
      sessionKey: turn.key,
      ...(request.playbook ? { playbook: request.playbook.id } : {}),
      ...(version !== undefined ? { playbookVersion: version } : {}),
      requester: turn.by,
      origin: turn.state.conversation,
      ...(request.note ? { note: request.note } : {}),
      handoff: { ...handoff, ref: randomBytes(12).toString("base64url") },
      at: turn.at,
    });
    if (created) {
      record(turn, "escalation", {
        ...(request.playbook ? { playbook: request.playbook.id } : {}),
        action: "open",
        data: { id: escalation.id, trigger: request.trigger },
      });
      // The note, or else the question it was opened with: what Support was asked to act on.
      const said = request.note ?? request.question?.text;
      record(
        turn,
        "audit",
        escalationAudit("escalation-opened", escalation, { text: said, details: { trigger: request.trigger } }),
      );
    }
    if (!escalation.delivery.handoffMessageId) {
      turn.later.push(async () =>
        (await deliver(escalation, false, turn.onPostFailed))
          ? []
          : [
              infoCard(`Escalation ${escalation.id} is saved but not posted yet`, [
                "Posting to the support channel failed; it is stored and will be posted automatically when the connection is back.",
              ]),
            ],
      );
    }
    const card = created ? openedCard(escalation, askStationOnce(turn, escalation)) : alreadyCard(escalation);
    return { escalation, created, cards: [card] };
  }

  /** The stored escalation a button names, refused unless the button's reference matches the stored one. */
  async function find(turn: Turn, target: EscalationTarget): Promise<EscalationRecord> {
    const found = await turn.deps.store.getEscalation(target.id);
    const stored = found ? handoffOf(found).ref : undefined;
    if (!found || (stored !== undefined && !sameRef(stored, target.ref))) {
      throw new BotError(
        `This button does not match any escalation here (${target.id} may come from an older card or another database). Use escalations to see the current ones.`,
        "not_found",
      );
    }
    return found;
  }

  async function transition(
    turn: Turn,
    target: EscalationTarget,
    to: EscalationStatus,
    note?: string,
  ): Promise<TurnReply> {
    const before = await find(turn, target);
    assertMayAct(turn.role, turn.by, before, verbs[to]);
    return move(turn, before, to, note);
  }

  async function move(turn: Turn, before: EscalationRecord, to: EscalationStatus, note?: string): Promise<TurnReply> {
    const id = before.id;
    const after = await turn.deps.store.transitionEscalation(id, {
      to,
      by: turn.by,
      at: turn.at,
      ...(note ? { note } : {}),
    });
    const changed = after.history.length > before.history.length;
    const card = escalationCard(escalationView(after, registry));
    if (!changed) return { cards: [card], mode: "replace" };
    record(turn, "escalation", { ...(after.playbook ? { playbook: after.playbook } : {}), action: to, data: { id } });
    record(turn, "audit", escalationAudit(transitionAction(to), after, { text: note, from: before.status }));
    const entry = after.history.at(-1);
    const pressedOnHandoff =
      turn.event.kind === "action" &&
      turn.event.messageId !== undefined &&
      turn.event.messageId === after.delivery.handoffMessageId;
    if (entry) await mirror(turn, after, escalationStatusCard(statusUpdate(after, entry)));
    if (!pressedOnHandoff) await refreshHandoff(turn, after);
    return { cards: [card], mode: pressedOnHandoff ? "replace" : "new" };
  }

  async function cancel(turn: Turn, target: EscalationTarget): Promise<TurnReply> {
    const before = await find(turn, target);
    const id = before.id;
    assertMayAct(turn.role, turn.by, before, "cancel");
    if (before.status === "resolved") {
      return { cards: [infoCard(`${before.id} is already closed`, ["Nothing to cancel: it was resolved."])] };
    }
    const who = before.requester.id === turn.by.id ? "the requester" : (turn.by.name ?? turn.by.id);
    const note = `Cancelled by ${who}.`;
    const after = await turn.deps.store.transitionEscalation(id, { to: "resolved", by: turn.by, at: turn.at, note });
    // The requester's own thread gets this answer; Support sees the handoff card closed and a note under it.
    await tellSupport(turn, after, "cancel");
    record(turn, "audit", escalationAudit("escalation-cancelled", after, { text: note, from: before.status }));
    return {
      cards: [infoCard(`Cancelled: ${after.id}`, ["Support has been told that this no longer needs them."])],
      mode: "replace",
    };
  }

  /**
   * A change the requester made (cancel, information given): recorded, then, after the turn, the handoff
   * card redrawn and the change noted under it in Support's thread.
   */
  async function tellSupport(turn: Turn, after: EscalationRecord, action: string): Promise<void> {
    record(turn, "escalation", {
      ...(after.playbook ? { playbook: after.playbook } : {}),
      action,
      data: { id: after.id },
    });
    const entry = after.history.at(-1);
    await refreshHandoff(turn, after);
    const thread = after.delivery.handoffConversation;
    if (thread && entry) await elsewhere(turn, thread, escalationStatusCard(statusUpdate(after, entry)));
  }

  async function answerNeedInfo(turn: Turn, escalation: EscalationRecord, text: string): Promise<TurnReply> {
    const after = await turn.deps.store.transitionEscalation(escalation.id, {
      to: "open",
      by: turn.by,
      at: turn.at,
      note: text,
    });
    await tellSupport(turn, after, "info-given");
    record(turn, "audit", escalationAudit("escalation-info-given", after, { text, from: escalation.status }));
    return {
      cards: [
        infoCard(`Sent to Support: ${after.id}`, [
          "Your answer is on the escalation and Support has been told. You will see their next update here.",
        ]),
      ],
    };
  }

  async function relay(turn: Turn, escalation: EscalationRecord, title: string, lines: string[]): Promise<void> {
    const card = infoCard(`${escalation.id}: ${title}`, lines);
    if (deps.outbox) {
      // Read in the turn's transaction: the handoff may have been posted since the turn began.
      const thread = ((await turn.deps.store.getEscalation(escalation.id)) ?? escalation).delivery.handoffConversation;
      if (thread) await elsewhere(turn, thread, card);
      return;
    }
    turn.later.push(async () => {
      // Read again after the commit: the handoff may have been posted since the turn began.
      const thread = ((await store.getEscalation(escalation.id)) ?? escalation).delivery.handoffConversation;
      if (thread) await safely(() => transport.post(thread, card));
      return [];
    });
  }

  async function updateEvidence(
    turn: Turn,
    escalation: EscalationRecord,
    handoff: unknown,
    said: string,
  ): Promise<void> {
    const after = await turn.deps.store.updateEscalationHandoff(escalation.id, handoff, turn.at);
    record(turn, "escalation", {
      ...(after.playbook ? { playbook: after.playbook } : {}),
      action: "evidence",
      data: { id: after.id },
    });
    record(turn, "audit", escalationAudit("evidence-added", after, { text: said }));
    const who = turn.by.name ?? turn.by.id;
    const note = infoCard(`${after.id}: evidence added`, [`${who} added: ${said}`]);
    if (deps.outbox) {
      await refreshHandoff(turn, after);
      const thread = after.delivery.handoffConversation;
      if (thread) await elsewhere(turn, thread, note);
      return;
    }
    turn.later.push(async () => {
      // Read again after the commit: the handoff may have been posted since the turn began.
      const current = (await store.getEscalation(after.id)) ?? after;
      await postHandoffUpdate(current);
      const thread = current.delivery.handoffConversation;
      if (thread) await safely(() => transport.post(thread, note));
      return [];
    });
  }

  /**
   * A card for another conversation, decided in this turn. With the outbox it is queued in the turn's
   * transaction (stored exactly when the change it reports is, retried until delivered); without one
   * (the terminal chat, tests of the engine alone) it is sent once after the commit.
   */
  async function elsewhere(turn: Turn, to: ConversationRef, card: Card, update?: string): Promise<void> {
    const outbox = deps.outbox;
    if (outbox) {
      const notice = { to, cards: [card], eventId: turn.event.eventId, ...(update ? { update } : {}) };
      await queueNotice(turn.deps.store, notice, deps.clock().toISOString());
      turn.later.push(async () => {
        outbox.kick?.();
        return [];
      });
      return;
    }
    turn.later.push(async () => {
      await safely<unknown>(() => (update ? transport.update(to, update, card) : transport.post(to, card)));
      return [];
    });
  }

  /** Status mirrored into the requester's thread. */
  async function mirror(turn: Turn, escalation: EscalationRecord, card: Card): Promise<void> {
    if (deps.outbox) return elsewhere(turn, escalation.origin, card);
    turn.later.push(async () => {
      const sent = await safely(() => transport.post(escalation.origin, card));
      if (sent) await store.setEscalationDelivery(escalation.id, { originMessageId: sent.messageId });
      return [];
    });
  }

  /** The handoff card redrawn where Support sees it (once it has been posted). */
  async function refreshHandoff(turn: Turn, escalation: EscalationRecord): Promise<void> {
    const { handoffConversation: where, handoffMessageId: messageId } = escalation.delivery;
    if (!where || !messageId) return;
    await elsewhere(turn, where, escalationCard(escalationView(escalation, registry)), messageId);
  }

  async function postHandoffUpdate(escalation: EscalationRecord): Promise<void> {
    const { handoffConversation: where, handoffMessageId: messageId } = escalation.delivery;
    if (!where || !messageId) return;
    await safely(() => transport.update(where, messageId, escalationCard(escalationView(escalation, registry))));
  }

  async function safely<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      log.warn("escalation notice not delivered", { error });
      return undefined;
    }
  }

  async function retryPendingDeliveries(): Promise<void> {
    const at = deps.clock().toISOString();
    for (const escalation of await store.listPendingDeliveries(at)) await deliver(escalation, true);
  }

  return { open, transition, cancel, answerNeedInfo, relay, updateEvidence, retryPendingDeliveries };
}
