import { afterSwapCues, saysTroubleAfterSwap } from "./after-a-swap.ts";
import { availableCues, saysAvailableButRefused } from "./available-but-refused.ts";
import { cablePulledCues, saysCablePulled } from "./cable-pulled.ts";
import { cardMeansCues, cardMeansPositions } from "./card-as-means.ts";
import { cardAppCues, saysCardFailsAppWorks } from "./card-fails-app-works.ts";
import { shownTextReason } from "./edit-shown-text.ts";
import { groupPriceCues, saysGroupPrice } from "./group-price.ts";
import { loneCarCues, loneCarScenePositions } from "./lone-car-slow.ts";
import { onePortCues, saysOnePortGivesNothing } from "./one-port-nothing.ts";
import { asksPlugAndGo, lostCardPositions, plugAndGoCues } from "./plug-and-go-wish.ts";
import { powerAfterUnplugCues, saysPowerAfterUnplug } from "./power-after-unplug.ts";
import { powerSplitCues, saysPowerSplitBetweenCars } from "./power-split.ts";
import { readerFirmwareCues, readerFirmwarePositions } from "./reader-firmware.ts";
import { remedyCues, remedyQuestionPositions } from "./remedy-asked.ts";
import { ruledOutSymptomCues, ruledOutSymptomPositions } from "./ruled-out-symptoms.ts";
import { refusedPricePositions, someRefusedCues } from "./some-refused.ts";
import { saysSomeoneAhead, someoneAheadCues } from "./someone-ahead.ts";
import { saysStationGoneGrey, statusSeenCues } from "./status-seen.ts";
import { updateSceneCues, updateScenePositions } from "./update-before-trouble.ts";
import { type WordRule, wordGates } from "./word-gates.ts";
import { wordingReason } from "./wording-content.ts";

/**
 * Articles that share objects (a cable, a card, a port, a queue, a new unit), told apart by what the
 * message says about them: the symptom reported against the remedy asked for, before against after a
 * swap, one port against the split between two, the screen's refusal against the reader's silence. Each
 * module says why from the guide. They read messages only (the triggers already say their article in the
 * guide's words) and run only when a message has one of the words they need.
 */
export const neighbourRules: readonly WordRule[] = [
  // No gate of its own: "after installation" and a changed unit fire it without any of its module's cues.
  [saysTroubleAfterSwap, "replace hardware", "a new unit in place of the old one in trouble"],
  [saysOnePortGivesNothing, "zero energy", "a port that delivers nothing", onePortCues],
  // No gate of its own: a second car plugging in and the rate falling fires it without its module's cues.
  [saysPowerSplitBetweenCars, "circuit sharing", "the power split between two cars"],
  [saysPowerAfterUnplug, "relay", "power on a port with no car", powerAfterUnplugCues],
  [saysSomeoneAhead, "queue", "someone ahead in line", someoneAheadCues],
  [saysCablePulled, "breakaway", "a charging cable pulled, hanging or cut", cablePulledCues],
  [saysAvailableButRefused, "waitlist", "Available on the screen, yet not allowed to charge", availableCues],
];

/**
 * The eighth round: the question's frame against another article's objects in its scene (a card that fails
 * while the app works, a station gone grey, plug-and-go wished for, a group's price). Gated by their own
 * words, which are commoner than the rules above ("app", "group"), so those do not run on them.
 */
export const frameRules: readonly WordRule[] = [
  [saysCardFailsAppWorks, "rfid reader", "a card that fails while the app works", cardAppCues],
  [saysStationGoneGrey, "unreachable", "a station gone grey or off its link", statusSeenCues],
  [asksPlugAndGo, "authfree", "charging wanted to start on plug-in", plugAndGoCues],
  [saysGroupPrice, "pricing policy", "a price attached to a driver group", groupPriceCues],
];

export const neighbourCues: ReadonlySet<string> = new Set([
  ...afterSwapCues,
  ...onePortCues,
  ...powerSplitCues,
  ...powerAfterUnplugCues,
  ...someoneAheadCues,
  ...cablePulledCues,
  ...availableCues,
]);

export const frameCues: ReadonlySet<string> = new Set([
  ...cardAppCues,
  ...statusSeenCues,
  ...plugAndGoCues,
  ...groupPriceCues,
]);

/** Words that only set the scene for another article's question, by position, with why they are dropped. */
export const objectsNotAskedCues: ReadonlySet<string> = new Set([
  ...remedyCues,
  ...cardMeansCues,
  ...updateSceneCues,
  ...readerFirmwareCues,
  ...loneCarCues,
  ...ruledOutSymptomCues,
  ...someRefusedCues,
]);

const notAskedReasons = {
  remedy: "the remedy asked, not a replacement done",
  means: "how the driver started, not what failed",
  update: "an update before the trouble, not the question",
  lost: "cards lost, the scene for plug-and-go",
  reader: "the reader's own firmware, the RFID article's",
  loneCar: "the breakers and settings around one slow car",
  ruledOut: "a symptom ruled out before the one reported",
  price: "the price of a station where some drivers are refused",
} as const;
// Wording asked for on a screen is dropped in analyse-text.ts (it needs the quotes); a sentence holding it
// must not bring it back either.
// So is the text a screen shows now when a line of it is asked to be edited (edit-shown-text.ts, eleventh round).
const reasons: ReadonlySet<string> = new Set([...Object.values(notAskedReasons), wordingReason, shownTextReason]);

/** The words a message's analysis dropped as not asked (its explanation records them). */
export function droppedAsNotAsked(rewrites: readonly { from: string; to: string }[]): Set<string> {
  const words = new Set<string>();
  for (const r of rewrites) if (reasons.has(r.to)) words.add(r.from);
  return words;
}

/**
 * Each finder of positions not asked, with why they are dropped and the words it finds none without (its
 * module's cues; plug-and-go's for lost cards, which it asks first). The cues above let a message in when any
 * finder may fire, and "not", "new" or "but" let most in: one more pass over the words picks the few to run.
 */
export const notAskedFinders: readonly (readonly [
  (words: readonly string[]) => number[],
  string,
  ReadonlySet<string>,
])[] = [
  [remedyQuestionPositions, notAskedReasons.remedy, remedyCues],
  [cardMeansPositions, notAskedReasons.means, cardMeansCues],
  [updateScenePositions, notAskedReasons.update, updateSceneCues],
  [lostCardPositions, notAskedReasons.lost, plugAndGoCues],
  [readerFirmwarePositions, notAskedReasons.reader, readerFirmwareCues],
  [loneCarScenePositions, notAskedReasons.loneCar, loneCarCues],
  [ruledOutSymptomPositions, notAskedReasons.ruledOut, ruledOutSymptomCues],
  [refusedPricePositions, notAskedReasons.price, someRefusedCues],
];
const openFinders = wordGates(notAskedFinders.map(([, , cues]) => cues));

export function objectsNotAsked(words: readonly string[]): Map<number, string> {
  const open = openFinders(words);
  const dropped = new Map<number, string>();
  // In the table's order, as before: a later reason replaces an earlier one at the same position.
  notAskedFinders.forEach(([positions, reason], f) => {
    if ((open & (1 << f)) === 0) return;
    for (const k of positions(words)) dropped.set(k, reason);
  });
  return dropped;
}
