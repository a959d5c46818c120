/**
 * The dashboard's own account: its session timing out, the users and seats of the organization's
 * subscription, a read-only user. Every article begins "log in to the Cloud Dashboard" and none says how that
 * account is kept, so these are out of scope whatever else they say (intent-cues.ts makes the cue decide
 * alone). Signing in and out (a login, a password, "logs me out") is the accountaccess cue's already, weighed
 * rather than deciding. "Session" is a charging session in every article; beside the dashboard and a timeout
 * it is the dashboard's own. A station, a port, a driver or a card in the message keeps the article's reading
 * ("the dashboard shows the session at 0 kWh").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

const dashboardWords = setOf("dashboard", "portal", "website", "console");
const accountThings = setOf(
  ...["timeout", "timeouts", "seat", "seats", "license", "licenses", "user", "users", "permission"],
  ...["permissions", "colleague", "colleagues", "coworker", "coworkers", "role", "roles"],
);
/** "the session times out", "session expires", "timed out". */
const outVerbs = setOf("times", "timed", "timing", "expires", "expired", "expiring");
const stationThings = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "driver", "drivers", "card", "cards"],
  ...["unit", "units", "kwh", "energy", "fault", "faulted", "offline", "unreachable", "waitlist", "pricing"],
);

function accountAsked(x: string, k: number, span: readonly string[]): boolean {
  return (
    accountThings.has(x) ||
    (x === "read" && span[k + 1] === "only") ||
    (x === "session" && span.slice(k + 1, k + 4).some((y) => outVerbs.has(y)))
  );
}

/** "my dashboard session times out every 5 minutes", "add a read only user to our dashboard". */
export function asksDashboardAccount(words: readonly string[]): boolean {
  if (words.some((w) => stationThings.has(w))) return false;
  return words.some((w, i) => dashboardWords.has(w) && words.slice(Math.max(0, i - 4), i + 6).some(accountAsked));
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const dashboardAccountCues: ReadonlySet<string> = dashboardWords;
