import type { WordRule } from "./word-gates.ts";

/**
 * Neighbouring articles told apart by the action the person asks for, not by the objects they share
 * (eleventh round of issue 13). Each rule reads a kind of sentence and adds the concept of the article
 * whose steps answer it; each has its cue words, so a message without them skips it (word-gates.ts).
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));
function near(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/**
 * Flex Billing's own number: "Station owners have 10% of their revenue withheld". Normalising drops the
 * percent sign, so "the 10% fee", "is 10 percent taken", "the ten percent cut" are a 10 beside a share
 * word. A price of 10 ("$10 fee", "10 dollars") or a discount of 10% is a price drivers pay (Pricing
 * Policy), and 10 of a unit (minutes, kW, amps) is no share at all.
 */
const shareWords = setOf(
  ...["percent", "percentage", "fee", "cut", "commission", "share", "withheld", "withholding", "service"],
  ...["transaction", "processing", "taken", "deducted", "kept", "skimmed"],
);
const currencyWords = setOf("dollars", "dollar", "euros", "euro", "pounds", "cents", "bucks", "usd");
const notAShare = setOf(
  ...["discount", "discounted", "off", "tip", "tax", "vat", "raise", "increase", "surcharge", "markup", "more"],
  ...["minutes", "min", "mins", "hours", "hour", "kw", "kwh", "amp", "amps", "volts", "miles", "stations"],
  ...["sec", "secs", "seconds", "days", "weeks", "months", "years", "cars", "drivers"],
);
/** "keep 10% of the idle fees", "takes 10 off": the share said by its verb, before the number. */
const shareVerbs = setOf(
  "keep",
  "keeps",
  "kept",
  "take",
  "takes",
  "took",
  "withhold",
  "withholds",
  "deduct",
  "deducts",
);
/** "10 percent of our drivers" is a proportion: a bare percent needs the owner's money or its taking nearby. */
const percentWords = setOf("percent", "percentage");
const shareTail = setOf("of", "off", "out", "from", "");
const moneyContext = setOf(
  ...["fee", "fees", "cut", "commission", "revenue", "taken", "withheld", "deducted", "payout", "payouts"],
  ...["proceeds", "earnings", "remittance", "share", "keep", "keeps", "take", "takes", "transaction"],
);
export function saysGuideShare(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== "10") continue;
    if (currencyWords.has(words[i - 1] ?? "") || currencyWords.has(words[i + 1] ?? "")) continue;
    const after = near(words, i + 1, i + 2, shareWords);
    // "keep 10% of the fees", "takes 10 off the top"; "takes 10 sec" is a time.
    const taken = near(words, i - 2, i - 1, shareVerbs) && shareTail.has(words[i + 1] ?? "");
    if (!after && !taken) continue;
    if (after && percentWords.has(words[i + 1]!) && !any(words, moneyContext)) continue;
    if (!near(words, i - 3, i + 4, notAShare)) return true;
  }
  return false;
}

/**
 * A price asked for a kind of driver is Pricing Policy's, whoever the drivers are: "residents got charged
 * the public price", "what rate do tenants pay". Multifamily links one resident to one station; it sets no
 * price. The owner's share (the 10%, the payout) is Flex Billing's and a resident's link or code is
 * Multifamily's, so those words keep the message theirs.
 */
const residentWords = setOf("resident", "residents", "tenant", "tenants", "residential");
const priceWords = setOf(
  ...["price", "prices", "pricing", "rate", "rates", "tariff", "charged", "overcharged", "billed", "cost"],
  ...["costs", "paying", "paid", "pay", "pays", "dollars", "cents", "receipt", "discount"],
);
const notPriceQuestion = setOf(
  ...["payout", "payouts", "remittance", "revenue", "withheld", "proceeds", "commission", "fee", "fees"],
  ...["linked", "link", "connection", "code", "token", "plan", "approve", "approval", "bill", "electricity"],
  ...["split", "utility", "10"],
);
export function saysPriceForResidents(words: readonly string[]): boolean {
  if (!any(words, residentWords) || any(words, notPriceQuestion)) return false;
  return any(words, priceWords);
}

/**
 * The owner's money sent to an account is Flex Billing's remittance: "can the proceeds from the garage
 * stations go to a different account", "earnings land in the wrong bank account". A driver's account or a
 * resident's linked account is not where money goes.
 */
const ownerMoney = setOf(
  ...["proceeds", "earnings", "revenue", "payout", "payouts", "remittance", "remittances", "funds", "income"],
);
const accountWords = setOf("account", "accounts", "bank", "banks");
const notOwnerMoney = setOf("driver", "drivers", "linked", "resident", "residents", "tenant", "app", "refund");
export function saysOwnerMoneyToAccount(words: readonly string[]): boolean {
  if (any(words, notOwnerMoney)) return false;
  return words.some((w, i) => ownerMoney.has(w) && near(words, i - 10, i + 10, accountWords));
}

/**
 * Who sees a station in the app is Access Control's "Visible by": "nobody from outside should see our
 * chargers in the app", "hide the staff stations from the public". A station drivers cannot find, or one
 * shown in the wrong place, is Bad PinPoint's, so a place or a wrong spot keeps the message there.
 */
const seeWords = setOf(
  ...["see", "sees", "seen", "hide", "hidden", "hiding", "visible", "invisible", "listed", "appear"],
  ...["appears", "visibility", "shown"],
);
const audience = setOf(
  ...["nobody", "outside", "outsiders", "public", "everyone", "everybody", "anyone", "only", "others"],
  ...["strangers", "employees", "staff", "members", "visitors", "guests"],
);
const inTheApp = setOf("app", "map", "apps", "maps");
const placeWords = setOf(
  ...["wrong", "address", "location", "street", "streets", "place", "pin", "moved", "across", "directions"],
  ...["latitude", "longitude", "coordinates", "where", "block", "blocks", "side"],
);
/** "nobody's linked to that station as far as I can see": a resident's link, seen by the writer. */
const linkWords = setOf("linked", "link", "mine", "assigned", "far");
const stationNouns = setOf("station", "stations", "charger", "chargers", "port", "ports", "them", "it");
export function saysVisibleToWhom(words: readonly string[]): boolean {
  if (!any(words, inTheApp) || !any(words, audience) || any(words, placeWords) || any(words, linkWords)) return false;
  // The people come before the seeing, and the station is what is seen: "the public should not see our chargers".
  return words.some(
    (w, i) => seeWords.has(w) && near(words, i - 6, i - 1, audience) && near(words, i - 3, i + 4, stationNouns),
  );
}

/**
 * "only members of our parking club should be able to charge": the people allowed, said before what they
 * may do, however long the group's name. who-may-charge.ts reads the short forms; joining with a code or a
 * link is Station Connections' and Multifamily's, and one person alone is a resident's own station.
 */
const allowedPhrases = [
  ["able", "to"],
  ["allowed", "to"],
  ["permitted", "to"],
] as const;
const useVerbs = setOf("charge", "use", "plug", "access");
const joinWords = setOf("join", "joined", "code", "connection", "link", "linked", "assign", "assigned");
const onePerson = setOf("one", "person", "driver", "resident", "tenant", "user");
const wishWords = setOf("want", "wants", "need", "needs", "like", "allow", "let", "prefer");
export function saysOnlySomeAllowed(words: readonly string[]): boolean {
  const only = words.indexOf("only");
  if (only < 0 || onePerson.has(words[only + 1] ?? "") || any(words, joinWords)) return false;
  // "we want only the maintenance crew to use the yard chargers": a wish for who uses them.
  const wished = wishWords.has(words[only - 1] ?? "");
  // The group is named between "only" and the permission: "it is only able to charge at 3 kW" names none.
  for (let i = only + 2; i < words.length && i <= only + 12; i++) {
    if (allowedPhrases.some(([a, b]) => words[i] === a && words[i + 1] === b) && useVerbs.has(words[i + 2] ?? ""))
      return true;
    if (wished && words[i] === "to" && useVerbs.has(words[i + 1] ?? "")) return true;
  }
  return false;
}

/**
 * A session that starts the moment a vehicle is connected is Just Charge's always authorized: "make the
 * chargers start as soon as a truck is connected", "charging should begin once the van is plugged in".
 * A start that fails ("won't start when plugged in") is a symptom, and a stop is another article's.
 */
const startWords = setOf("start", "starts", "begin", "begins", "kick", "kicks");
const onceWords = setOf("soon", "once", "moment", "upon", "immediately", "instantly", "right");
const connectWords = setOf("connected", "plugged", "plugs", "connects", "connect", "arrives", "arrive");
const failWords = setOf(
  ...["not", "never", "cannot", "fails", "failed", "stop", "stops", "stopped", "fault", "error", "slow"],
  ...["won", "doesn", "didn", "unable"],
);
export function saysStartsOnConnect(words: readonly string[]): boolean {
  if (any(words, failWords)) return false;
  return words.some(
    (w, i) => startWords.has(w) && near(words, i + 1, i + 4, onceWords) && near(words, i + 2, i + 8, connectWords),
  );
}

/**
 * Nothing delivered, said by what the person watched: "the car stays at the same percentage", "the charge
 * never starts flowing", "sessions close with nothing". Slow or Zero Energy's "No energy dispensed".
 */
const stayWords = setOf("stays", "stay", "stayed", "remains", "remained", "sits", "sat", "stuck");
const levelWords = setOf("percentage", "percent", "soc", "level", "range", "miles", "battery");
const flowWords = setOf("flow", "flowing", "flows", "flowed");
const flowDenied = setOf("never", "not", "no", "nothing");
const sessionWords = setOf("session", "sessions");
const closeWords = setOf("close", "closes", "closed", "end", "ends", "ended", "finish", "finishes", "finished");
const nothingWords = setOf("nothing", "zero", "0");
export function saysNothingWentIn(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (stayWords.has(w) && near(words, i + 1, i + 3, setOf("same")) && near(words, i + 2, i + 5, levelWords))
      return true;
    if (flowWords.has(w) && near(words, i - 4, i - 1, flowDenied)) return true;
    if (
      closeWords.has(w) &&
      near(words, i - 3, i - 1, sessionWords) &&
      words[i + 1] === "with" &&
      nothingWords.has(words[i + 2] ?? "")
    )
      return true;
  }
  return false;
}

/**
 * A station slower than another one the person knows is Slow or Zero Energy's comparison with "Level 2 AC
 * chargers": "the new charger is slower than the one at his office". The dashboard or a page that is
 * slower is the website, not the station.
 */
const slowerWords = setOf("slower", "slowest");
const stationWords = setOf("charger", "chargers", "station", "stations", "unit", "port", "ports", "car", "cars");
const notStation = setOf(
  ...["dashboard", "page", "pages", "website", "site", "browser", "report", "reports", "loading", "hide", "filter"],
  ...["search", "list", "exclude"],
);
/** What the station is compared with: another charger, another time; a bare number is a filter or a spec. */
const comparands = setOf(
  ...["the", "one", "ones", "other", "others", "another", "his", "her", "my", "our", "their", "it", "they"],
  ...["usual", "before", "normal", "expected", "last", "yesterday", "home", "office", "public"],
);
export function saysSlowerThanAnother(words: readonly string[]): boolean {
  if (!any(words, stationWords) || any(words, notStation)) return false;
  return words.some((w, i) => slowerWords.has(w) && words[i + 1] === "than" && comparands.has(words[i + 2] ?? ""));
}

/**
 * A screen that still reads words no status has is a station message to replace: "the station screen
 * still says Welcome to Building A". stale-screen-text.ts needs a text noun; here the screen itself is
 * said to still read something. A status still shown (Unavailable, Access Denied, the default name, a
 * waitlist) keeps its own article.
 */
const screenWords = setOf("screen", "screens", "display", "displays", "lcd");
const readsWords = setOf("says", "say", "reads", "shows", "displays", "showing", "saying");
const statusWords = setOf(
  ...["unavailable", "denied", "restricted", "chargepoint", "faulted", "fault", "error", "offline", "available"],
  ...["service", "unreachable", "access", "waitlist", "queue", "charging", "occupied", "blank", "nothing"],
  ...["code", "version", "firmware", "reboot", "rebooting", "authorized", "card", "rfid"],
);
export function saysScreenStillReads(words: readonly string[]): boolean {
  if (!any(words, screenWords) || any(words, statusWords)) return false;
  // "the screen still says …", "still says … on the screen at lot B".
  return words.some(
    (w, i) => w === "still" && readsWords.has(words[i + 1] ?? "") && near(words, i - 3, i + 8, screenWords),
  );
}

/**
 * A screen asked to tell drivers something is a station message, whatever it should tell: "can the screen
 * tell people there's a waitlist in the app", "we'd like the displays to remind drivers to move their car".
 * A person asked to tell ("can you tell me why the screen says …") is a question, so the screen or the
 * station must be the one telling, after a wish or a modal.
 */
const tellWords = setOf("tell", "inform", "remind", "warn", "notify", "announce", "let");
const tellers = setOf("screen", "screens", "display", "displays", "lcd", "charger", "chargers", "station", "stations");
const askModal = setOf("can", "could", "would", "should", "to", "will");
const whyWords = setOf("why", "come");
export function asksScreenToTell(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      tellWords.has(w) &&
      (tellers.has(words[i - 1] ?? "") || (words[i - 1] === "to" && tellers.has(words[i - 2] ?? ""))) &&
      near(words, i - 4, i - 1, askModal) &&
      // "why would the station tell a member he has no permission" asks why it reports that.
      !near(words, i - 5, i - 1, whyWords) &&
      // "let": only "let drivers know", never "let me".
      (w !== "let" || words[i + 2] === "know"),
  );
}

/**
 * A card that is not active is Access Control's: its step checks "whether it is activated under a valid
 * driver account" (or a valid Vehicle/Fleet). "the card shows as inactive when he taps", "her fob was
 * deactivated", "a fleet card that was never activated". The reader that does not respond is the RFID
 * article's, and that says nothing of the card's state.
 */
const cardNouns = setOf("card", "cards", "fob", "fobs", "badge", "badges", "rfid");
const inactiveWords = setOf("inactive", "deactivated", "expired", "unregistered", "unactivated", "disabled");
const activatedWords = setOf("activated", "active", "registered");
const notWords = setOf("not", "never", "no", "isn");
export function saysCardNotActive(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      (inactiveWords.has(w) || (activatedWords.has(w) && near(words, i - 2, i - 1, notWords))) &&
      near(words, i - 6, i + 4, cardNouns) &&
      // "the card reader is disabled" is the reader's state, not the card's.
      !near(words, i - 4, i - 1, setOf("reader", "readers")),
  );
}

/**
 * A SIM swapped and the station still off its link is Station Unreachable's: its steps "fix SIM, carrier
 * or signal" and ask Support to check the SIM's activation. A SIM is not the unit Replace Hardware moves a
 * record to, so "the SIM was replaced and it's still unreachable" is not a swapped station in trouble.
 */
const simWords = setOf("sim", "sims");
const swapWords = setOf("replaced", "swapped", "changed", "new", "replacement", "reseated", "reinserted");
const offlineWords = setOf(
  ...["unreachable", "offline", "disconnected", "connect", "connecting", "connection", "signal", "reporting"],
  ...["communicating", "grey", "gray", "online"],
);
const unitWords = setOf("head", "heads", "unit", "pedestal", "board", "module", "station", "charger");
/** The swap said of the SIM itself: "new SIM", "replaced the SIM", "the SIM was swapped", "SIM replaced". */
function simSwapped(words: readonly string[], i: number): boolean {
  if (swapWords.has(words[i - 1] ?? "")) return true;
  if (words[i - 1] === "the" && swapWords.has(words[i - 2] ?? "")) return true;
  if (swapWords.has(words[i + 1] ?? "")) return true;
  return (words[i + 1] === "was" || words[i + 1] === "got") && swapWords.has(words[i + 2] ?? "");
}
export function saysSimSwappedStillOffline(words: readonly string[]): boolean {
  if (!any(words, offlineWords)) return false;
  // "the station … got replaced, activate the SIM on the new one": the unit itself was swapped.
  const unitSwapped = words.some(
    (w, i) =>
      (swapWords.has(w) && !near(words, i - 1, i + 1, simWords) && near(words, i - 3, i + 3, unitWords)) ||
      (w === "new" && words[i + 1] === "one"),
  );
  return !unitSwapped && words.some((w, i) => simWords.has(w) && simSwapped(words, i));
}

/**
 * Text asked to be added to a station's screen is a station message, whatever it is about: "add a line to
 * the station screen about the waitlist", "put a note on the displays about the new hours". Only wording
 * for a screen counts; a line of drivers or a note to a colleague is not.
 */
const addVerbs = setOf("add", "put", "post", "place", "display", "show");
const textNouns = setOf("line", "text", "note", "notice", "message", "words", "sign", "banner");
const screenNouns = setOf("screen", "screens", "display", "displays", "lcd");
const screenOwners = setOf("to", "on", "the", "station", "stations", "charger", "chargers", "its", "their");
export function asksTextOnScreen(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      addVerbs.has(w) &&
      near(words, i + 1, i + 3, textNouns) &&
      words.slice(i + 2, i + 8).some((x, k, a) => screenNouns.has(x) && screenOwners.has(a[k - 1] ?? "")),
  );
}

/** What the text is about, after the screen: "… to the station screen about the waitlist" → waitlist. */
const aboutWords = setOf("about", "regarding", "saying", "that");
export function textOnScreenContent(words: readonly string[]): ReadonlySet<string> {
  const screen = words.findIndex((w) => screenNouns.has(w));
  const about = words.findIndex((w, i) => i > screen && aboutWords.has(w));
  return screen < 0 || about < 0 ? new Set() : new Set(words.slice(about + 1));
}

/** The round's rules in order, each with the words it cannot fire without. */
export const pairRules: readonly WordRule[] = [
  [saysGuideShare, "withheld revenue", "the owner's 10% share", setOf("10")],
  [saysPriceForResidents, "pricing policy price", "a price asked for residents", residentWords],
  [saysOwnerMoneyToAccount, "remittance bank account", "the owner's money sent to an account", ownerMoney],
  [saysVisibleToWhom, "visible by", "who sees the station in the app", inTheApp],
  [saysOnlySomeAllowed, "usable by access restricted", "only some people allowed to charge", setOf("only")],
  [saysStartsOnConnect, "authfree", "a session that starts when a vehicle connects", startWords],
  [saysNothingWentIn, "zero energy", "nothing went into the car", setOf(...stayWords, ...flowWords, ...closeWords)],
  [saysSlowerThanAnother, "slow charge", "slower than another charger", slowerWords],
  [saysScreenStillReads, "station message", "words still on the screen", setOf("still")],
  [asksScreenToTell, "station message", "a screen asked to tell drivers something", tellWords],
  [saysSimSwappedStillOffline, "unreachable sim", "a SIM swapped, the station still off its link", simWords],
  [asksTextOnScreen, "station message text line", "text asked for a station's screen", addVerbs],
  [
    saysCardNotActive,
    "activated valid driver account",
    "a card that is not active",
    setOf(...inactiveWords, ...activatedWords),
  ],
];

/**
 * What each rule's reading makes the scene: other rules' readings and words that its sentence explains
 * away. "is the 10% fee also taken on the parking fee" asks the share, so the fee taken is not a new price
 * going live; "residents got charged the public price" asks the price, not the resident's link; "nobody
 * from outside should see our chargers in the app" is who sees it, not a station nobody can find; "the
 * proceeds from our garage stations" are the owner's, not a resident's own space.
 */
export const sceneOfPairRule: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  // The text asked for a screen has its own scene, its content (textOnScreenContent).
  [
    "the owner's 10% share",
    setOf("fee", "fees", "parking fee", "parking fees", "idle fee", "idle fees", "whether a new price is live"),
  ],
  ["a price asked for residents", setOf("resident", "residents", "tenant", "tenants", "residential")],
  ["who sees the station in the app", setOf("a station drivers cannot find in the app")],
  ["the owner's money sent to an account", setOf("the station of a resident's own space")],
  [
    "a SIM swapped, the station still off its link",
    setOf("replaced", "swapped", "a new unit in place of the old one in trouble"),
  ],
]);
