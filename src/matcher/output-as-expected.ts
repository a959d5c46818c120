/**
 * Whether a station puts out the power it should is Slow or Zero Energy's first check: "Go to Historical
 * Sessions tab to check for Charging Time and Energy Dispensed to calculate if the station is dispensing
 * energy at the configured/required rate", against the expected rates it lists (6.6 kW on a 40 Amp
 * breaker …). People ask it without the article's words: "how do I work out from history if a station is
 * putting out the power it should", "is it delivering what it's rated for". So the station's output beside
 * what it should, is supposed to or is rated to give reads as the dispense rate. A price, a fee or a breaker
 * that trips asks another article.
 */
const outputWords = new Set([
  ...["power", "kw", "energy", "output", "delivering", "delivers", "dispensing", "dispenses", "outputting"],
  ...["giving", "gives", "pushing", "supplying"],
]);
/** "putting out", "puts out": the output said as a verb. */
const putWords = new Set(["putting", "puts", "put"]);
const expectWords = new Set([
  ...["should", "supposed", "expected", "expect", "meant", "rated", "configured", "required", "standard"],
  ...["spec", "specs", "nominal"],
]);
/**
 * Another article's question: a price ("a station time rate when it should be energy only"), a breaker or
 * a setting to choose, or two cars sharing the power (Circuit Sharing's split).
 */
const otherQuestions = new Set([
  ...["price", "pricing", "fee", "fees", "billed", "charged", "cost", "payout", "trip", "trips", "tripping"],
  ...["tripped", "firmware", "signal", "waitlist", "access", "card", "set", "setting", "select", "circuit"],
  ...["sharing", "both", "each", "headroom", "panel", "3.3"],
]);

/** "whether a station is putting out the power it should", "is it giving the kW it's rated for". */
export function asksOutputAsExpected(words: readonly string[]): boolean {
  if (words.some((w) => otherQuestions.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const output = outputWords.has(words[i]!) || (putWords.has(words[i]!) && words[i + 1] === "out");
    if (!output) continue;
    for (let k = i + 1; k <= i + 6 && k < words.length; k++) if (expectWords.has(words[k]!)) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const outputExpectedCues: ReadonlySet<string> = expectWords;
