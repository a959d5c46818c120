/**
 * A replacement asked about as the remedy for a fault is not the Replace Hardware article.
 *
 * Four fault articles end on the same remedy: Breakaway ("If no further damage or issue is identified beyond
 * the breakaway cable, consider station head replacement"), Hardware Fault, Pilot Unreachable and Relay
 * Stuck Closed ("consider station head replacement"). Replace Hardware is what is done in the dashboard once
 * a new unit is in: search the old serial, Replace Hardware in Activation Settings, the new MAC Address and
 * Activation Password, the SIM, the CHARGEPOINT / STATION screen. So "do we need a new head?", "is this a
 * head swap?", "new head or just a new cable?" ask whether to replace, and the fault the message describes
 * decides; "after the swap the screen says CHARGEPOINT / STATION" or "how do I swap it in the dashboard"
 * stay Replace Hardware's.
 */
const replaceWords = new Set([
  "replace",
  "replacing",
  "replacement",
  "swap",
  "swapping",
  "exchange",
  "exchanging",
  "rma",
]);
/** "a new head", "a whole new unit": the new thing is the replacement when it is one of these. */
const newThings = new Set(["head", "unit", "station", "charger", "hardware", "one", "pedestal", "evse"]);
const newWords = new Set(["new", "whole", "brand"]);
/** A question whether to replace: a need, a choice or a yes/no about it. */
const whetherWords = new Set([
  "need",
  "needs",
  "needed",
  "should",
  "must",
  "order",
  "ordering",
  "or",
  "whether",
  "if",
  "would",
  "will",
  "worth",
  "require",
  "requires",
  "is",
  "does",
  "do",
  "mean",
  "means",
  "warrant",
]);
/** "how do we replace it in the dashboard", "where do I enter the new MAC": the procedure, Replace Hardware's. */
const howWords = new Set(["how", "where", "steps", "process", "procedure"]);
/** "after the swap", "since the new unit went in": a replacement done. */
const sinceWords = new Set(["after", "since", "once"]);
/** Buying a part is a purchase, not a fault's remedy: "do you sell replacement cables" stays as written. */
const buyWords = new Set([
  "sell",
  "sells",
  "buy",
  "purchase",
  "price",
  "cost",
  "costs",
  "quote",
  "ship",
  "shipping",
  "loaner",
]);
/** A replacement already done is Replace Hardware's question, whatever is asked about it. */
const doneWords = new Set(["replaced", "swapped", "exchanged", "installed", "mounted", "removed"]);
/** "we put in a new head" is done; "should we put in a new head" is the question. */
const modalBefore = new Set(["to", "should", "will", "would", "must", "can", "could", "we'll"]);

const asked = new Set(["be", "get", "being", "to"]);

/**
 * "a new station message", "will the new message replace the old one": what is new or replaced is the
 * screen's text or a policy, not the hardware; the unit word only modifies it, and stays. The words of
 * replacing say nothing of the hardware then, and are dropped.
 */
const notHardware = new Set(["message", "messages", "policy", "policies", "rule", "rules"]);

/** Whether the message says a replacement was done, or asks how to do one. */
function replacementDone(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "can the cable be replaced", "does it need to get swapped": a replacement asked about, not done.
    if (doneWords.has(w) && !asked.has(words[i - 1] ?? "")) return true;
    if (howWords.has(w) || buyWords.has(w)) return true;
    if (w === "put" && words[i + 1] === "in" && !modalBefore.has(words[i - 1] ?? "")) return true;
    if (sinceWords.has(w) && has(words, i + 1, i + 3, replaceWords)) return true;
    if (sinceWords.has(w) && has(words, i + 1, i + 3, newWords)) return true;
  }
  return false;
}

export const remedyCues: ReadonlySet<string> = new Set([...replaceWords, ...newWords]);

function has(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/**
 * Positions of the replacement words in a question whether to replace ("do we need a new head"), to be
 * dropped so the rest of the message decides. None when the message says a replacement was done or asks
 * how to do one.
 */
export function remedyQuestionPositions(words: readonly string[]): number[] {
  const positions: number[] = [];
  if (words.some((w) => notHardware.has(w))) {
    words.forEach((w, k) => {
      if (replaceWords.has(w) || newWords.has(w)) positions.push(k);
    });
    return positions;
  }
  if (replacementDone(words)) return positions;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let span = 0;
    if (replaceWords.has(w)) span = 1;
    // "a new head", "a whole new unit", "brand new station"; "new cable" leaves the cable as evidence.
    else if (newWords.has(w)) {
      let j = i + 1;
      while (j < words.length && newWords.has(words[j]!)) j++;
      if (newThings.has(words[j] ?? "")) span = j - i + 1;
    }
    if (span === 0) continue;
    // "head swap", "replacement station": the object beside the replacement word goes with it.
    const start = words[i - 1] === "head" ? i - 1 : i;
    let end = i + span - 1;
    if (span === 1 && newThings.has(words[i + 1] ?? "")) end = i + 1;
    if (!has(words, start - 6, start - 1, whetherWords) && words[end + 1] !== "or") {
      i = end;
      continue;
    }
    for (let k = start; k <= end; k++) positions.push(k);
    i = end;
  }
  return positions;
}
