/**
 * Just Charge, by its effect: "the station remains in a state of always authorized", so a session starts
 * without anyone doing anything. People say it as an authorization that is always, permanently or
 * automatically there ("permanently authorized", "authorized by default", "pre-authorized"), or as a
 * session that starts on its own ("starts a session on its own for the fleet trucks"). Either reads as the
 * `authfree` concept the Just Charge triggers carry. A station that reboots or goes offline "on its own"
 * is not starting anything, so the start word is required.
 */
const authorizedWords = new Set(["authorized", "authorize", "authorizes", "authorization", "authorizing", "authed"]);
const alwaysWords = new Set([
  "always",
  "permanently",
  "permanent",
  "constantly",
  "perpetually",
  "auto",
  "automatically",
  "pre",
  "default",
  "forever",
]);
const startWords = new Set(["start", "starts", "starting", "started", "begin", "begins", "session", "sessions"]);
const byItself = [
  ["on", "its", "own"],
  ["on", "their", "own"],
  ["by", "itself"],
  ["by", "themselves"],
  ["automatically"],
];

function phraseAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => words[i + k] === w);
}

/** Whether the words say the station is always authorized, or starts sessions by itself. */
export function saysAlwaysAuthorized(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (authorizedWords.has(w)) {
      // "always authorized", "permanently in authorized mode", "authorized by default", "authorized all the time".
      const near = [words[i - 1], words[i - 2], words[i + 1], words[i + 2]];
      if (near.some((n) => n !== undefined && alwaysWords.has(n))) return true;
      if (words[i + 1] === "all" && words[i + 2] === "the" && words[i + 3] === "time") return true;
    }
    if (startWords.has(w)) {
      for (let j = i + 1; j <= i + 5 && j < words.length; j++) {
        if (byItself.some((p) => phraseAt(words, j, p))) return true;
      }
    }
  }
  return false;
}

/**
 * Just Charge said as nobody being identified: "charging should never ask who you are", "just give power,
 * no identifying anyone", "without checking who plugs in". Authentication is the station finding out who
 * the driver is; denying that is the "without any authentication" of the guide. A card that is "not
 * identified" is a reader fault, so only the act of identifying someone is read, never the card's state.
 */
const denyWords = new Set(["no", "never", "without", "nobody"]);
const identifyWords = new Set(["identify", "identifying", "identification", "identity"]);
const askWords = new Set(["ask", "asks", "asking", "check", "checks", "checking", "verify", "verifying", "care"]);

/** Whether the words say the station should not find out who is charging. */
export function saysNobodyIdentified(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const denied = denyWords.has(w) || (w === "not" && (words[i - 1] === "should" || words[i + 1] === "need"));
    if (!denied) continue;
    for (let j = i + 1; j <= i + 4 && j < words.length; j++) {
      if (identifyWords.has(words[j]!)) return true;
      // "never ask the driver who they are": the question itself is what is denied.
      if (askWords.has(words[j]!) && words.slice(j + 1, j + 5).includes("who")) return true;
    }
  }
  return false;
}
