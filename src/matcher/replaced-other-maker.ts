/**
 * Another maker's unit swapped for one of ours ("took out the ABB box, put in a CT4010", "replaced the old
 * Wallbox with a ChargePoint head") is Replace Hardware's story: the other maker names what was there before,
 * not the question, so its concept (`thirdparty`, an adjacent topic's) is dropped and the rest decides.
 * Onboarding the other maker's units beside ours ("add our ABB chargers next to the CT4000s") has no swap
 * and stays out of scope.
 */

const swapWords = new Set([
  "replaced",
  "replace",
  "replacing",
  "replacement",
  "swapped",
  "swap",
  "swapping",
  "instead",
  "switched",
]);
/** "took out … put in", "pulled out": a swap told as two acts. */
const swapPairs = new Set(["took out", "take out", "pulled out", "put in", "tore out", "ripped out", "changed out"]);
/** ChargePoint's own models as written on the guide's screens, or the maker named. */
const ourModel = /^(ct\d{4}[a-z0-9]*|cpf\d+[a-z0-9]*|cp\d{4}[a-z0-9]*|chargepoint)$/;

/** True when a message that names another maker swaps a unit for one of ours (the caller checks the maker). */
export function replacedOtherMaker(words: readonly string[]): boolean {
  const swap = words.some((w, i) => swapWords.has(w) || swapPairs.has(`${words[i - 1] ?? ""} ${w}`));
  return swap && words.some((w) => ourModel.test(w));
}
