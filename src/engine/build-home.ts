import type { Actor, ConversationRef, Platform } from "../core/bot-event.ts";
import type { HomeEscalation, HomeModel, HomeWalkthrough } from "../render/home-model.ts";
import { homeModel } from "../render/home-model.ts";
import type { EscalationRecord } from "../store/store.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { roleOf } from "./escalation-access.ts";
import { subjectOf } from "./escalation-view.ts";
import { SessionStateSchema } from "./session-state.ts";
import { currentStep, pathOf } from "./walkthrough.ts";

/** Walkthroughs started longer ago than this are not looked for: a home page is about what is going on now. */
const walkthroughWindowMs = 14 * 24 * 60 * 60 * 1000;
/** At most this many of each list: Slack's Home view holds 100 blocks. */
const maxItems = 15;

/**
 * The person's home page, read from the store: their walkthroughs still running (found through the
 * walkthrough-start events they caused, then their thread's session), their unresolved escalations and, for
 * responders, the whole queue. Read only: opening a home page changes nothing.
 */
export async function buildHome(
  deps: EngineDeps,
  user: Actor,
  platform: Platform,
  command: string,
): Promise<HomeModel> {
  const now = deps.clock();
  const since = new Date(now.getTime() - walkthroughWindowMs).toISOString();
  const starts = await deps.store.listEvents({ since, types: ["walkthrough-start"] });
  const keys = [
    ...new Set(
      starts
        .filter((e) => e.platform === platform && e.user === user.id && e.conversation)
        .map((e) => e.conversation as string),
    ),
  ].reverse();
  const walkthroughs: HomeWalkthrough[] = [];
  for (const key of keys) {
    if (walkthroughs.length >= maxItems) break;
    const running = await runningWalkthrough(deps, key);
    if (running) walkthroughs.push(running);
  }
  const unresolved = await deps.store.listEscalations({ status: ["open", "claimed", "need-info"] });
  const onPlatform = unresolved.filter((e) => e.origin.platform === platform);
  const role = await roleOf(deps, {
    kind: "command",
    text: "home",
    eventId: `home:${user.id}`,
    user,
    conversation: { platform, channelId: user.id },
  });
  // The requester goes back to their own thread; Support to the handoff.
  const own = (e: EscalationRecord) =>
    homeEscalation(e, now, e.origin.permalink ?? e.delivery.handoffConversation?.permalink);
  const queued = (e: EscalationRecord) =>
    homeEscalation(e, now, e.delivery.handoffConversation?.permalink ?? e.origin.permalink);
  return homeModel({
    command,
    walkthroughs,
    escalations: onPlatform
      .filter((e) => e.requester.id === user.id)
      .slice(-maxItems)
      .map(own),
    ...(role === "responder" ? { queue: unresolved.slice(0, maxItems).map(queued) } : {}),
    topics: deps.registry.all().map((p) => ({ id: p.id, title: p.title })),
  });
}

async function runningWalkthrough(deps: EngineDeps, key: string): Promise<HomeWalkthrough | undefined> {
  const stored = await deps.store.getSession(key);
  const parsed = SessionStateSchema.safeParse(stored?.state);
  if (!parsed.success) return undefined;
  const { walkthrough: w, conversation } = parsed.data;
  if (!w || (w.status !== "active" && w.status !== "awaiting-outcome")) return undefined;
  const playbook = deps.registry.get(w.playbook, w.version) ?? deps.registry.get(w.playbook);
  if (!playbook) return undefined;
  const step = currentStep(playbook, w);
  const where =
    w.status === "awaiting-outcome" || !step
      ? "Waiting for your answer: did it fix the problem?"
      : `At step ${pathOf(playbook, w).findIndex((p) => p.step.id === step.id) + 1}`;
  // Answers no longer ask the platform for the thread's link; the Home tab asks when it shows one.
  const link = conversation.permalink ?? (await linkOf(deps, conversation));
  return { playbook: playbook.title, where, ...(link ? { link } : {}) };
}

function homeEscalation(e: EscalationRecord, now: Date, link: string | undefined): HomeEscalation {
  return {
    id: e.id,
    subject: subjectOf(e),
    status: e.status,
    ageMinutes: (now.getTime() - Date.parse(e.createdAt)) / 60_000,
    requester: e.requester.name ?? e.requester.id,
    ...(e.claimedBy ? { claimedBy: e.claimedBy.name ?? e.claimedBy.id } : {}),
    ...(link ? { link } : {}),
  };
}

async function linkOf(deps: EngineDeps, conversation: ConversationRef): Promise<string | undefined> {
  try {
    return (await deps.transport.link?.(conversation))?.permalink;
  } catch {
    return undefined;
  }
}
