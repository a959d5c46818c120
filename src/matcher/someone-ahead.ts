/**
 * Another driver ahead in line is the Waitlist's queue.
 *
 * The Waitlist's steps: "Check if there are any users waiting in the queue prior to this user" and "check if
 * there are any current users in the queue". Drivers say it as someone ahead of or before them, a place in
 * a list, or being moved down it ("someone's ahead of her", "people waiting before him", "bumped down the
 * list", "number 3 in line"). A position in a queue of support tickets is an adjacent topic's and is left to
 * the scorer.
 */
const aheadWords = new Set(["ahead", "before", "prior", "bumped", "pushed", "moved", "position", "spot", "place"]);
const people = new Set([
  "him",
  "her",
  "me",
  "them",
  "us",
  "you",
  "someone",
  "somebody",
  "people",
  "others",
  "drivers",
  "driver",
  "anyone",
  "anybody",
  "users",
  "user",
  "he",
  "she",
]);
const movedWords = new Set(["bumped", "pushed", "moved", "position", "spot", "place"]);
const listWords = new Set(["list", "line", "queue", "waiting"]);

export const someoneAheadCues: ReadonlySet<string> = aheadWords;

export function saysSomeoneAhead(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!aheadWords.has(w)) continue;
    const after = words[i + 1] ?? "";
    // "ahead of him", "before her in line", "prior to this driver".
    if ((w === "ahead" || w === "prior") && (after === "of" || after === "to")) {
      if (people.has(words[i + 2] ?? "") || people.has(words[i + 3] ?? "")) return true;
    }
    // "someone ahead", "people waiting ahead".
    if (w === "ahead" && (people.has(words[i - 1] ?? "") || people.has(words[i - 2] ?? ""))) return true;
    if (w === "before" && people.has(after) && words.slice(i - 3, i + 5).some((x) => listWords.has(x))) return true;
    // "bumped down the list", "his spot in line", "position in the queue".
    if (movedWords.has(w) && words.slice(i + 1, i + 4).some((x) => listWords.has(x) && x !== "waiting")) return true;
  }
  return false;
}
