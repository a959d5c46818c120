/**
 * Two troubles asked about together, one of them the station off its link: "drivers can't tap their cards and
 * the station shows offline, same problem?", "could the update failing be because it lost its cellular
 * connection?". A station that cannot reach the network cannot take a card's authorisation, a new price or a
 * download, so the link is the trouble to fix first: Station Unreachable. A message missing on such a station
 * is the exception, read by message-on-unreachable.ts (Station Messages names the reachable station itself).
 */
const offlineWords = new Set(["unreachable", "offline", "disconnected", "unresponsive", "communicating"]);
/** "lost its cellular connection", "lost signal": the link said by what was lost. */
const lostWords = new Set(["lost", "losing", "loses", "dropped", "drops"]);
const linkWords = new Set(["connection", "connectivity", "signal", "network", "cellular", "link", "modem"]);
const relationWords = new Set(["related", "relate", "relates", "reason", "because", "caused", "cause", "causing"]);
const sameWords = new Set(["problem", "issue", "cause", "thing", "root", "fault"]);

export const offlineAsCauseCues: ReadonlySet<string> = new Set([...relationWords, "same"]);

function saysOffline(words: readonly string[]): boolean {
  return words.some(
    (w, i) => offlineWords.has(w) || (lostWords.has(w) && words.slice(i + 1, i + 4).some((x) => linkWords.has(x))),
  );
}

/** Whether the message asks if a station off its link explains another trouble. */
export function saysOfflineAsCause(words: readonly string[]): boolean {
  const asksRelation = words.some(
    (w, i) => relationWords.has(w) || (w === "same" && sameWords.has(words[i + 1] ?? "")),
  );
  return asksRelation && saysOffline(words);
}
