/**
 * A driver left pending by a time frame is the Waitlist's, not Access Control's.
 *
 * The Waitlist's solution (2e): "Check the waitlist policy configuration to see if remote users are allowed to
 * use the station at a specific time frame. If yes, then the user could be pending station and will be added
 * to the waitlist queue once the configured time starts." Remote users are named in no other article, and a
 * person (not a form, an upgrade or a connection request) who is pending is that user. Access Control's
 * policies have hours too, but they refuse ("Access Denied"); they do not leave anyone pending.
 */
const remoteWords = new Set(["remote", "remotely"]);
const userWords = new Set(["user", "users", "driver", "drivers", "people", "guests", "visitors", "members"]);
const personWords = new Set([
  ...["she", "he", "they", "her", "him", "them", "driver", "drivers", "user", "users", "customer", "customers"],
  ...["member", "members", "guest", "guests", "visitor", "visitors", "patron", "patrons", "someone", "resident"],
]);
/** Pending for these is another article's: Flex Billing's form, an upgrade, a connection to approve. */
const otherPending = new Set([
  ...["flex", "billing", "remittance", "payout", "firmware", "upgrade", "update", "ota", "otang", "software"],
  ...["connection", "approval", "approve", "approved", "request", "join", "group", "code", "invite", "refund"],
]);

export const pendingDriverCues: ReadonlySet<string> = new Set([...remoteWords, "pending"]);

export function saysDriverPending(words: readonly string[]): boolean {
  if (words.some((w) => otherPending.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "remote users", "users who start remotely": the waitlist policy's own words.
    if (remoteWords.has(w) && words.slice(Math.max(0, i - 2), i + 3).some((u) => userWords.has(u))) return true;
    if (w !== "pending") continue;
    if (words.slice(Math.max(0, i - 4), i).some((p) => personWords.has(p))) return true;
  }
  return false;
}
