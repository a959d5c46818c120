import { carChargeCues, saysCarDidNotCharge } from "./car-did-not-charge.ts";
import { saysForbiddenCharacters, screenCharacterCues } from "./screen-characters.ts";
import { saysSwitchStaysClosed, switchCues } from "./switch-stays-closed.ts";

/**
 * Articles' parts described by what they do, where a phrase is not enough (described-parts.ts has the
 * phrases): the test, the concept it adds, and how to explain it. They read messages only. A trigger
 * already says its article in the guide's words ("drivers say car didn't charge at all"); adding the
 * concept to it as well would shift what the scorer learns from those words, and lines that were right
 * only on them ("car says charging but nothing goes in") would lose it.
 */
export const describedPartRules: readonly (readonly [(words: readonly string[]) => boolean, string, string])[] = [
  [saysSwitchStaysClosed, "relay", "a switch that will not open"],
  [saysForbiddenCharacters, "text line", "a character in the screen text"],
  [saysCarDidNotCharge, "zero energy", "a car that did not charge"],
];

/** Words without which none of the rules can fire: most messages have none, and skip them all. */
export const describedPartCues: ReadonlySet<string> = new Set([
  ...switchCues,
  ...screenCharacterCues,
  ...carChargeCues,
]);
