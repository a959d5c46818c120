/**
 * A message that names an article's feature by its own name ("the new org has to be a multifamily type",
 * "why is the waitlist off") asks about that article, whatever else it mentions. The adjacent topics learnt
 * as classes (adjacent-topics.ts) share words with the articles' settings (an HOA with Multifamily, a
 * contract with Flex Billing), and on such a message one of their words could outweigh the article's own
 * name. Only the features' names count, never a part (a relay, a card, a breakaway bollard) or a fault, which
 * out-of-scope messages name as their object ("order more RFID cards", "a new head after the earth fault").
 * The cues that decide alone (a shipment, a quote, a document) are not held back by this.
 */

const names: readonly (readonly string[])[] = [
  ["multifamily"],
  ["mfh"],
  ["waitlist"],
  ["wait", "list"],
  ["pinpoint"],
  ["remittance"],
  ["flex", "billing"],
  ["just", "charge"],
  ["circuit", "sharing"],
  ["station", "message"],
  ["station", "messages"],
  ["access", "control"],
  ["access", "policy"],
  ["pricing", "policy"],
  ["connection", "code"],
  ["power", "select"],
];
const firsts: ReadonlySet<string> = new Set(names.map((n) => n[0]!));

/** True when the normalised message names one of the articles' features by its own name. */
export function namesAnArticle(normalised: string): boolean {
  const words = normalised.split(" ");
  return words.some(
    (w, i) => firsts.has(w) && names.some((n) => n[0] === w && n.every((part, k) => words[i + k] === part)),
  );
}
