/**
 * A symptom a message rules out ("no faults", "no breaker trip", "not tripping") before saying what is wrong
 * ("but cars barely charge") is evidence against the article it names, not for it.
 *
 * Slow or Zero Energy's station is "available and reachable" with "Fault Code: NA"; a Hardware Fault or a
 * tripping breaker (Circuit Sharing) is the thing such a message has already checked. Read word by word the
 * denied "fault" and "trip" are the message's strongest evidence, for the wrong article. So when a denial of
 * a fault, an alarm, an error or a trip is followed by "but", "yet", "still" or "though", the denied words
 * drop and the rest decides. A denial with nothing after it ("no fault code shows, what now") is the
 * question itself and stays.
 */
const negators = new Set(["no", "not", "never", "without", "zero", "0"]);
const symptoms = new Set([
  ...["fault", "faults", "faulted", "alarm", "alarms", "error", "errors", "code", "codes"],
  ...["trip", "trips", "tripped", "tripping", "breaker", "breakers", "outage", "outages"],
]);
/** May stand between the negator and the symptom: "no active faults", "not any breaker trips". */
const between = new Set(["active", "any", "current", "recent", "open", "new", "obvious", "visible", "a", "the"]);
const turnWords = new Set(["but", "yet", "still", "though", "although", "however"]);

export const ruledOutSymptomCues: ReadonlySet<string> = turnWords;

export function ruledOutSymptomPositions(words: readonly string[]): number[] {
  const turn = words.findLastIndex((w) => turnWords.has(w));
  if (turn < 0) return [];
  const positions: number[] = [];
  for (let i = 0; i < turn; i++) {
    if (!negators.has(words[i]!)) continue;
    let j = i + 1;
    while (j < turn && j - i <= 3 && between.has(words[j]!)) j++;
    if (!symptoms.has(words[j] ?? "")) continue;
    // "no breaker trip", "no fault codes": the symptom may take two words.
    let end = j;
    while (end + 1 < turn && symptoms.has(words[end + 1]!)) end++;
    for (let k = j; k <= end; k++) positions.push(k);
  }
  return positions;
}
