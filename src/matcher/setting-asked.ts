import { normaliseText } from "./normalise-text.ts";

/**
 * A setting asked about before it is changed: "before I turn on Circuit Sharing, will one car get less
 * power?", "if we set Usable by to Just Charge, do people still need their card?", "does mapping the pricing
 * policy to visitors only keep employees free?". A manager or an admin asks what the setting will do, or
 * whether it will hurt; the effect they fear (less power, a card, a price) is the question's scene, and the
 * setting's article explains it (Circuit Sharing and How it Works, What is Just Charge?, the pricing policy's
 * driver group). Read as the symptom, the effect's own article wins. So a change still to come to a setting
 * the guide names adds that setting's article again, as much as the effect weighs.
 *
 * A change already made ("since we enabled Circuit Sharing the cars crawl", "after we set it to Just
 * Charge") is a symptom with its cause named, and is left to the scorer.
 */
const settingsByConcept: Readonly<Record<string, readonly string[]>> = {
  "justcharge authfree": ["just charge", "justcharge", "free vend"],
  "circuit sharing": ["circuit sharing", "power select", "power sharing", "load sharing"],
  "access policy usable": ["access policy", "access policies", "usable by", "visible to", "visible by"],
  "pricing policy rule": ["pricing policy", "pricing policies", "pricing rule", "pricing rules", "overstay fee"],
  "auto approve connection": ["auto approve", "autoapprove", "auto-approve", "connection code"],
  "waitlist policy": ["waitlist policy", "waitlist policies", "waitlist", "maximum charging time"],
  // Not "payment method": a driver's own (Access Control's payment source) is said the same way.
  "flex billing remittance": ["flex billing", "paper check", "paper checks"],
  "station message": ["station message", "station messages"],
  "firmware upgrade": ["do not upgrade", "auto ota", "switch bank", "set factory default"],
  "multifamily cloud plan": ["multifamily cloud plan", "multifamily cloud token"],
};

/** A change to come, said of a setting: the verbs an admin uses for a switch, a value or a mapping. */
const changeWords = new Set([
  ...["turn", "turning", "switch", "switching", "enable", "enabling", "disable", "disabling", "set", "setting"],
  ...["change", "changing", "lower", "lowering", "raise", "raising", "drop", "dropping", "apply", "applying"],
  ...["map", "mapping", "tick", "ticking", "untick", "activate", "activating", "toggle", "toggling", "flip"],
  ...["add", "adding", "remove", "removing", "reduce", "reducing", "increase", "increasing", "revise", "use"],
  ...["using"],
]);

/** The asking side: what it will do, whether it is safe, whether something still holds. */
const askWords = new Set([
  ...["will", "would", "could", "might", "before", "happens", "happen", "affect", "affects", "impact"],
  ...["hurt", "harm", "safe", "risk", "risky", "side", "still", "consequence", "consequences", "planning"],
  ...["thinking", "considering", "should", "if"],
]);

/** "since we turned it on", "after enabling it": a change already made, whose effect is the symptom. */
const doneBefore = new Set(["since", "after", "ever", "once"]);
const doneWords = new Set(["turned", "switched", "changed", "lowered", "raised", "dropped", "mapped", "flipped"]);

/** The settings' words by their first word, so a message costs one lookup per word. */
const byFirst = new Map<string, (readonly [readonly string[], string])[]>();
for (const [concept, names] of Object.entries(settingsByConcept)) {
  for (const name of names) {
    const parts = normaliseText(name).split(" ");
    byFirst.set(parts[0]!, [...(byFirst.get(parts[0]!) ?? []), [parts, concept] as const]);
  }
}

/** The first words of the settings' names: no rule runs on a message without one of them. */
export const settingAskedCues: ReadonlySet<string> = new Set(byFirst.keys());

function nameAt(words: readonly string[], i: number): string | undefined {
  for (const [parts, concept] of byFirst.get(words[i]!) ?? []) {
    if (parts.every((p, k) => words[i + k] === p)) return concept;
  }
  return undefined;
}

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): number {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return k;
  return -1;
}

/** The concepts of the settings a message asks about before changing them, each once. */
export function settingAskedConcepts(words: readonly string[]): string[] {
  if (within(words, 0, words.length - 1, askWords) < 0) return [];
  // A change already made anywhere in the message makes its effect the symptom.
  for (let k = 0; k < words.length; k++) {
    if (doneWords.has(words[k]!) && !["will", "be", "get", "to"].includes(words[k - 1] ?? "")) return [];
    if (doneBefore.has(words[k]!) && within(words, k + 1, k + 3, changeWords) >= 0) return [];
  }
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const concept = nameAt(words, i);
    if (concept === undefined || found.includes(concept)) continue;
    // The change verb before the name ("turn on Circuit Sharing", "set Usable by to …"): a state said after
    // it ("Circuit Sharing is disabled, does he still pay the 10%?") is the scene of another question.
    if (within(words, i - 4, i - 1, changeWords) < 0) continue;
    found.push(concept);
  }
  return found;
}
