import { judgedFine } from "./focus-clause.ts";
import { splitOutsideQuotes } from "./quoted-text.ts";

/**
 * The open part of a message made of several items of which some are settled: a shift handover that lists
 * stations ("Lot A all green. Lot B rebooted fine. Lot C shows Needs service …"), a case passed on with its
 * history ("first it was the card reader (fixed), then a pricing question (answered). Today: …"), a recap
 * whose earlier items are over. What is fine, fixed, answered or back is what the writer already dealt with;
 * read word by word it is evidence for its own article (the waitlist that "had 3 drivers, all served"), and it
 * can outweigh the one item that needs action. Only the open items are proposed here; create-matcher.ts
 * answers with them when, read alone, they clearly name another article than the whole message did.
 */

/** Where one item ends: a line, a sentence, a semicolon, a bullet, or an inline "2)" / "3." of a list. */
const itemBreak = /\n+|(?<=[.!?])\s+(?=\S)|;\s*|\s*[•·▪◦]\s*|\s+(?=\(?\d{1,2}[).]\s)/;

/**
 * An item that turns to now: "Today: …", "Now the issue is …", "New issue: …", "The real problem is …", after
 * the date or time a case history puts first ("11/29 now the port …").
 */
const nowMarker =
  /^(?:[\d/:.-]+\s+)?(?:(?:but\s+|and\s+)?(?:today|tonight|this (?:morning|afternoon|time|week))\b[\s:,-]*|(?:but\s+|and\s+)?now\b[\s:,-]*|(?:the\s+)?(?:new|current|real|actual|remaining|open|only|other)\s+(?:issue|problem|question|ask|thing)\b\s*(?:is|:|-)?\s*)/i;

/**
 * A part disowned as the question, and what follows it: "Station says 'Access Denied' but that's not what I'm
 * asking - I want …", "Separate thing: …", "Unrelated, but …". What follows is the ask whatever came before.
 */
const disowned =
  /\b(?:(?:that|this|it)(?:['’]?s| is) not (?:what i['’]?m asking(?: about)?|my question|the (?:issue|problem|question|point))|(?:separate|different|unrelated|other) (?:thing|issue|question|problem)|unrelated(?:, but| but)?)\s*[-–—:,.;]\s*/i;

/** A parenthesis that settles its item: "(reset both times, fine since)", "(fixed by the electrician)". */
const settledAside =
  /\([^()]*\b(?:fixed|resolved|answered|sorted|solved|handled|fine since|ok since|okay since|fine now|ok now|working now|no issues? since|reset)\b[^()]*\)\s*[.!]?\s*$/i;

/**
 * The desk's ways of marking an item done: "(fixed)", "(answered)", "- resolved", "- rebooted, resolved",
 * "billed twice - refunded". The verdict at the end settles the trouble the item tells.
 */
const doneMark =
  /\((?:fixed|resolved|answered|done|sorted|ok|okay|fine|closed|handled|solved|reset|replaced)\)|(?:^|\s)[-–:→]\s*(?:[\w ]{1,30},\s*)?(?:fixed|resolved|answered|done|sorted|ok|okay|fine|handled|solved|refunded|credited|no issues?)\s*[.!]?$/i;

/** An item that ends on its verdict: "station 12 fine", "Lot A all green", "rebooted fine", "all served". */
const verdictEnd =
  /\b(?:fine|ok|okay|good|green|normal|all served|served|resolved|fixed|sorted|solved|no issues?|no problems?|no complaints|working(?: again)?|nothing (?:urgent|to report|else))\s*[.!)]?\s*$/i;

/** Trouble in an item keeps it open whatever else it says: "still not fine", "fixed but failing again". */
const openWords =
  /\b(?:not|no(?! (?:issues?|problems?|complaints)\b)|never|still|again|but|wrong|won['’]?t|can['’]?t|cannot|doesn['’]?t|didn['’]?t|isn['’]?t|nothing(?! (?:urgent|to report|else)\b)|only|fail\w*|fault\w*|stuck|keeps?|trip\w*|error)\b/i;

/** Past repair said of the item: "the earth fault from last month was fixed by the electrician". */
const repairedPast = /\b(?:was|were|got|has been|have been|had been)\s+(?:fixed|resolved|repaired|sorted|replaced)\b/i;

function settled(item: string): boolean {
  if (doneMark.test(item) || settledAside.test(item)) return true;
  // The repaired past may name the fault it repaired: that is the item's subject, not trouble now.
  if (repairedPast.test(item) && !/\b(?:still|again|but)\b/i.test(item)) return true;
  if (openWords.test(item)) return false;
  return verdictEnd.test(item) || judgedFine(item);
}

/** A few words at least: "Next step?" alone is no question to answer on its own. */
const minOpenWords = 5;
/** A follow-up leans on what came before: "now what about the ICCID?" asks the same article about another part. */
const leansBack = /^(?:what|how) about\b|^(?:and|also|same|then)\b/i;
const standsAlone = (part: string) => part.split(/\s+/).length >= minOpenWords && !leansBack.test(part);

/** Items of `text`, quotations kept whole ("'Join the waitlist.' shows on line 2" is one item). */
function items(text: string): string[] {
  return splitOutsideQuotes(text, itemBreak).filter((s) => /[a-z]/i.test(s));
}

/**
 * The open items of a message with settled ones, joined, or undefined when nothing is settled, or nothing
 * (or too little) is left open. After a turn to now ("Today: …", "Now the issue is …") what came before is
 * history whatever it says.
 */
export function openPart(text: string): string | undefined {
  // One pass says whether the message can have a settled item at all: most messages are one item.
  if (!/[\n.!?;:•·▪◦)-]|\s\d{1,2}[).]\s/.test(text)) return undefined;
  const turn = disowned.exec(text);
  if (turn && turn.index > 0) {
    const after = text.slice(turn.index + turn[0].length).trim();
    if (standsAlone(after)) return after;
  }
  const parts = items(text);
  if (parts.length < 2) return undefined;
  for (let i = parts.length - 1; i >= 1; i--) {
    const marker = nowMarker.exec(parts[i]!);
    if (!marker) continue;
    const after = [parts[i]!.slice(marker[0].length), ...parts.slice(i + 1)].join(". ").trim();
    if (standsAlone(after)) return after;
  }
  const open = parts.filter((p) => !settled(p));
  if (open.length === parts.length || open.length === 0) return undefined;
  const rest = open.join(". ");
  return standsAlone(rest) ? rest : undefined;
}
