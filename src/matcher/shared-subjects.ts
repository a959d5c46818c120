/**
 * Two articles that share a subject, told apart by what the guide gives to each.
 *
 * Access Control and Station Connections both put a driver in a driver group. Access Control has someone
 * check "whether the driver has been added to the driver group"; Station Connections is the driver joining
 * it ("Driver unable to join the driver group", with a connection code and Auto-approve). People who add
 * themselves ("add themselves", "join on their own") are joining.
 *
 * Flex Billing and Pricing Policy both have prices. Flex Billing's "Once Flex Billing is enabled, you can
 * set pricing for your stations" makes pricing that waits for an approval (pending, until approved) its
 * question, not a price that is wrong.
 */
const selfWords = new Set(["themselves", "himself", "herself", "yourself", "ourselves", "myself"]);
const joinVerbs = new Set([
  "add",
  "adds",
  "added",
  "adding",
  "join",
  "joins",
  "joined",
  "joining",
  "register",
  "registered",
  "registering",
  "sign",
  "signed",
  "signing",
  "enroll",
  "enrolled",
  "connect",
  "connected",
  "request",
  "requested",
]);

/** "can staff add themselves", "join on their own", "sign up by themselves". */
export function saysJoinsThemselves(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const self =
      selfWords.has(w) ||
      (w === "own" && (words[i - 1] === "their" || words[i - 1] === "his" || words[i - 1] === "her"));
    if (!self) continue;
    const near = words.slice(Math.max(0, i - 4), i + 3);
    if (near.some((n) => joinVerbs.has(n))) return true;
  }
  return false;
}

const priceWords = new Set(["price", "prices", "pricing", "rate", "rates", "fee", "fees"]);
// "Subscriber" is the guide's word only in Flex Billing's form ("Subscriber's Information").
const approvalWords = new Set(["approved", "approval", "approve", "pending", "activated", "enabled", "subscriber"]);
const waitWords = new Set(["until", "before", "pending", "waiting", "yet", "still"]);

/** "the pricing tab is locked until approval", "can we set a price before the form is approved". */
export function saysPricingAwaitsApproval(words: readonly string[]): boolean {
  if (!words.some((w) => priceWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!approvalWords.has(words[i]!)) continue;
    const near = words.slice(Math.max(0, i - 5), i + 8);
    if (near.some((n) => waitWords.has(n) && n !== words[i])) return true;
  }
  return false;
}

/** Words without which neither rule here can fire (see littleEnergyCues). */
export const sharedSubjectCues: ReadonlySet<string> = new Set([...selfWords, "own", ...approvalWords]);
