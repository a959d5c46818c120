import type { WordRule } from "./word-gates.ts";

/**
 * Articles asked in a few words or in a second language, where the guide's phrase is missing and only its
 * parts are there (eleventh round, `dev-terse-11`). Each rule reads a kind of short message and adds the
 * concept the guide's article is trained on; each runs only when one of its cue words is present.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/**
 * Multifamily: "Unable to add drivers under linked driver account"; one resident is linked to one station
 * and the household asks to put a second person on it. "resident add spouse to acct", "for our apartment how
 * residents can add the family member". A price, a fault or a group is another article's object.
 */
const residents = setOf(..."resident residents tenant tenants apartment apartments condo condos mfh".split(" "));
const addVerbs = setOf(..."add adding added link linking linked put include including share sharing".split(" "));
const household = setOf(
  ..."spouse husband wife partner roommate roommates flatmate flatmates housemate housemates".split(" "),
  ..."son daughter kid kids child children family girlfriend boyfriend".split(" "),
);
const notHousehold = setOf(
  ..."price pricing fee fees billed bill fault faulted breaker group groups policy waitlist screen payout".split(" "),
);

export function saysHouseholdAdded(words: readonly string[]): boolean {
  if (!words.some((w) => residents.has(w)) || words.some((w) => notHousehold.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (addVerbs.has(words[i]!) && within(words, i + 1, i + 4, household)) return true;
  }
  return false;
}

/**
 * Just Charge: "allows anyone to charge without any authentication". Asked as a checklist item: the card
 * requirement switched off ("turn off card requirement at depot", "remove the badge requirement", "disable
 * the card check"). A card that fails is the reader's symptom and keeps it out.
 */
const cardWords = setOf(..."card cards badge badges fob fobs rfid".split(" "));
const requirementWords = setOf(..."requirement requirements required requiring check prompt step".split(" "));
const offVerbs = setOf(..."off disable disabling remove removing drop dropping waive lift deactivate rid".split(" "));
const cardFails = setOf(
  ..."working work works read reads denied rejected broken fails failed respond error".split(" "),
);

export function saysCardRequirementOff(words: readonly string[]): boolean {
  if (words.some((w) => cardFails.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!requirementWords.has(words[i]!) || !within(words, i - 2, i - 1, cardWords)) continue;
    if (within(words, i - 5, i - 2, offVerbs)) return true;
  }
  return false;
}

/**
 * Replace Hardware, told by an installer: "pulled out the old Wallbox and put our CT4000", "ripped out the
 * dead unit". Breakaway's "pulled out" is the cable "pulled out of the station"; pulled out with a unit as its
 * object is the unit taken off the wall, the guide's station or head replacement. A cable, cord or plug
 * anywhere in the message keeps the Breakaway reading.
 */
const removalVerbs = setOf("pulled", "ripped", "tore", "took", "yanked");
const unitWords = setOf(
  ..."unit units station stations charger chargers evse head heads pedestal box wallbox old whole".split(" "),
);
const cordWords = setOf(
  ..."cable cables cord cords plug plugs connector connectors handle gun nozzle holster".split(" "),
);
const removalPhrases = setOf(
  "pulled out",
  "ripped out",
  "tore out",
  "took out",
  "yanked out",
  "pulled off",
  "ripped off",
);

export function saysUnitRemoved(words: readonly string[]): boolean {
  if (words.some((w) => cordWords.has(w))) return false;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!removalVerbs.has(words[i]!) || (words[i + 1] !== "out" && words[i + 1] !== "off")) continue;
    if (within(words, i + 2, i + 4, unitWords)) return true;
  }
  return false;
}

/**
 * Replace Hardware in a second language: "after change of the station the display show CHARGEPOINT". A
 * "change of" a unit is its replacement; a change of its name, message, price or settings is not.
 */
const changeNouns = setOf("change", "exchange", "changing");
const unitNouns = setOf(..."station charger unit head evse pedestal".split(" "));
const settingNouns = setOf(
  ..."name names message messages text price pricing policy settings setting configuration config".split(" "),
  ..."location address group display screen power level rate fee owner plan password".split(" "),
);

export function saysChangeOfUnit(words: readonly string[]): boolean {
  for (let i = 0; i + 2 < words.length; i++) {
    if (!changeNouns.has(words[i]!) || words[i + 1] !== "of") continue;
    const k = words[i + 2] === "the" || words[i + 2] === "our" ? i + 3 : i + 2;
    if (unitNouns.has(words[k] ?? "") && !settingNouns.has(words[k + 1] ?? "")) return true;
  }
  return false;
}

const cardRequirementOff = "the card requirement switched off";
const unitRemoved = "a unit taken out, not a cable";

/** The family, each rule with the words it cannot fire without. */
export const terseRules: readonly WordRule[] = [
  [saysHouseholdAdded, "multifamily linked driver account", "a second person of a resident's household", household],
  [saysCardRequirementOff, "authfree", cardRequirementOff, requirementWords],
  [saysUnitRemoved, "replace", unitRemoved, removalVerbs],
  [saysChangeOfUnit, "replace", "a change of the unit itself", changeNouns],
];

/** Which of the message's words a fired rule's explanation makes stop counting (by their source). */
export function droppedWithTerseRule(from: string): ((source: string) => boolean) | undefined {
  if (from === cardRequirementOff) return (source) => cardWords.has(source);
  if (from === unitRemoved) return (source) => removalPhrases.has(source);
  return undefined;
}
