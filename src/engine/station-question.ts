import { infoCard } from "../render/info-card.ts";
import type { EscalationRecord } from "../store/store.ts";
import type { Handoff } from "./build-handoff.ts";
import { handoffOf } from "./escalation-view.ts";
import type { Fact } from "./extract-facts.ts";
import { factsIn, keepEvidence } from "./plain-evidence.ts";
import { type DialogueIntent, isSmallTalk } from "./read-dialogue.ts";
import { threadEscalation } from "./thread-topics.ts";
import type { Turn, TurnReply } from "./turn.ts";

/** The evidence items a station name, MAC or serial number answers. */
const stationItems = new Set(["station-id", "station-details"]);

/** The line the "Escalated to Support" card carries the one time a thread is asked. */
export const stationQuestion =
  "Which station is affected? Reply here with its name (e.g. CPF-6), MAC address or serial number, or skip.";

/**
 * Whether this new escalation should ask which station it is about: its handoff wants the station and has
 * none, and the thread was never asked. Marks the thread as asked (once per thread, whatever the answer),
 * with the answer awaited by the next message.
 */
export function askStationOnce(turn: Turn, escalation: EscalationRecord): boolean {
  if (turn.state.stationAsked) return false;
  const handoff = handoffOf(escalation) as Handoff;
  const wanted = handoff.evidence.some((e) => stationItems.has(e.id) && e.value === undefined);
  if (!wanted) return false;
  turn.state = { ...turn.state, stationAsked: true, stationAwaited: true };
  return true;
}

/** A bare station name as people type it: "CPF-6", "Lot B #3", "CT4020-North"; not a sentence. */
const bareName = /^[A-Za-z0-9][\w\-.#/ ]{0,39}$/;

/**
 * The reply to "Which station is affected?": "skip" (or "no", "don't know") leaves it, plain words such as
 * "CPF-6" are the station, and anything else is read as usual. Undefined when the thread awaits no answer
 * or the message is not one; either way the question is not asked again.
 */
export async function answerStationQuestion(
  turn: Turn,
  text: string,
  intent: DialogueIntent | undefined,
): Promise<TurnReply | undefined> {
  if (!turn.state.stationAwaited || isSmallTalk(intent)) return undefined;
  const { stationAwaited: _awaited, ...rest } = turn.state;
  turn.state = rest;
  const open = await threadEscalation(turn, ["open", "claimed", "need-info"]);
  if (!open) return undefined;
  if (intent === "skip" || intent === "negate" || /^(?:don'?t know|not sure|unknown|no idea)\b/i.test(text.trim())) {
    return {
      cards: [
        infoCard(`No station for ${open.id}`, [
          `Fine, ${open.id} goes without it. If you find it later, say it here (e.g. station CPF-6).`,
        ]),
      ],
    };
  }
  const facts = factsIn(turn, text);
  if (facts.some((f) => f.kind === "station" || f.kind === "mac" || f.kind === "serial"))
    return keepEvidence(turn, facts);
  const words = text.trim();
  if (intent || facts.length > 0 || !bareName.test(words) || words.split(/\s+/).length > 3) return undefined;
  const station: Fact = { kind: "station", value: words };
  return keepEvidence(turn, [station]);
}
