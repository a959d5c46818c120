/**
 * Concepts as people observe them rather than as the articles name them, written from the guide's own
 * wording (keys are the guide's words or the terms its playbooks are trained on). They join the synonym
 * table (synonyms.ts), so triggers and messages meet on the same term. Each entry is a general way of
 * describing an effect, never a sentence from an evaluation set.
 */
export const observedConcepts: Readonly<Record<string, readonly string[]>> = {
  // Access Control: the screen says Access Restricted/Access Denied and the driver cannot initiate a
  // session. People report what happened to the driver.
  denied: [
    "turned away",
    "turns away",
    "turning away",
    "turn away",
    "refused",
    "refuses",
    "refusing",
    "rejects",
    "blocked",
    "blocks",
    "not allowed",
    "not permitted",
    "not authorized",
    "not authorised",
    "unauthorised",
    "locked out",
    "no access",
    "will not let",
    "would not let",
    "does not let",
    "did not let",
  ],
  // The guide's Usable by: a specific access policy ("Employee only stations", "Commercial with restricted
  // access") limits who may charge.
  restricted: [
    "private",
    "privately",
    "limited to",
    "only lets",
    "only allows",
    "only staff",
    "staff only",
    "members only",
    "only members",
    "only employees",
    "only certain",
    "certain people",
    "certain drivers",
    "specific group",
    "specific drivers",
    "not public",
    "no longer public",
    "non public",
  ],
  // ...or All Drivers ("Commercial with unrestricted access"). Open to everyone is who may charge, not
  // whether they authenticate: Just Charge is found by the absence of a card or app (negation-scope.ts).
  unrestricted: [
    "open to the public",
    "open to public",
    "open to all",
    "open to everyone",
    "open to everybody",
    "open to anyone",
    "public",
    "publicly",
    "publicly available",
    "free for all",
  ],
  // Waitlist: the guide's queue and a driver's "turn to charge", said the way drivers say them.
  queue: [
    "my turn",
    "her turn",
    "his turn",
    "their turn",
    "your turn",
    "next in line",
    "next in the queue",
    "next up",
    "who is next",
    "whos next",
    "in line for",
    "get in line",
    "got in line",
    "wait in line",
    "waiting in line",
    "place in line",
    "spot in line",
    "position in line",
    "line feature",
    "line system",
    "line function",
    "name down",
    "holding it for",
    "holding the port for",
    "held for someone",
    "saved for someone",
  ],
  notification: ["pinged", "ping", "pings", "alerted", "buzzed"],
  // Pricing Policy: what a driver paid against what the pricing rule says.
  price: [
    "dollars",
    "dollar",
    "bucks",
    "cents",
    "usd",
    "public rate",
    "public price",
    "member rate",
    "member price",
    "members rate",
    "employee rate",
    "employee price",
    "staff rate",
    "guest rate",
    "guest price",
    "visitor rate",
    "discount",
    "discounted",
    "full price",
    "full rate",
    "standard rate",
    "wrong rate",
    "wrong price",
    "wrong amount",
  ],
  // The guide's Overstay: a rate that starts "15 min after charging stops".
  overstay: [
    "parking fee",
    "parking fees",
    "idle fee",
    "idle fees",
    "idling fee",
    "after the car was full",
    "after the car is full",
    "after charging stopped",
    "after charging stops",
    "after charging finished",
    "after it finished charging",
  ],
  // "All other times are free", "free for all": free is a price, and charging for it is a pricing fault.
  "free price": [
    "should be free",
    "supposed to be free",
    "meant to be free",
    "set it free",
    "set to free",
    "set as free",
    "free for staff",
    "free for employees",
    "free for members",
    "free for some",
  ],
  billed: ["paid", "paying", "pays"],
  // Flex Billing: remittance by paper check to the address the owner gave, or to a bank account.
  "paper check": [
    // "cheque" is read as "check" already (normalise-text.ts), so one spelling covers both.
    "by check",
    "check was sent",
    "check was mailed",
    "checks were sent",
    "checks are sent",
    "check went",
    "checks went",
    "checks go",
    "checks going",
    "check is going",
    "checks keep going",
    "check never arrived",
    "check never came",
  ],
  funds: ["a dime", "a penny", "a cent"],
  "bank account": ["switched banks", "changed banks", "new bank", "moved banks", "different bank"],
  // "ChargePoint collects, processes and then forwards payments from drivers directly to station owners."
  "collect revenue": [
    "collect money",
    "collecting money",
    "collect payment",
    "collect payments",
    "collecting payments",
    "make money",
    "making money",
    "monetize",
    "monetise",
  ],
  // Charging Station Connections: a workplace's own group is the guide's driver group.
  "driver group": [
    "employee group",
    "employees group",
    "staff group",
    "company group",
    "work group",
    "workplace group",
    "employer group",
  ],
  invite: ["invitation", "invitations", "invited"],
  // Firmware Upgrade: a release is a software version (the Auto-OTA rule "ends with GA").
  "software version": ["ga release", "latest release", "newest release", "firmware release", "software release"],
  // Slow or Zero Energy Dispensed, by what the driver saw.
  "slow charge": [
    "way slower",
    "much slower",
    "charging slower",
    "charges slower",
    "slower than usual",
    "slower than normal",
    "slower than expected",
    "barely moved",
    "hardly moved",
    "barely went up",
    "barely budged",
    "hardly went up",
  ],
  // Station Unreachable: "check if the station can communicate with the dashboard".
  communication: [
    "checked in with",
    "check in with",
    "checking in with",
    "has not checked in",
    "not checked in",
    "phoned home",
    "phone home",
    "talking to the dashboard",
    "talk to the dashboard",
    "talking to the cloud",
    "talk to the cloud",
    "talking to the network",
    "heard from",
  ],
  // Replacing Hardware: a new station put where the old one was.
  replace: ["in place of", "in its place", "where the old one was", "where the broken one was"],
  // Asking what stations cost is the ordering topic, not Pricing Policy (adjacent-topics.ts).
  purchase: ["a quote for", "get a quote", "price quote"],
};

/** The guide's synonym table with these concepts added (a variant must be listed in one place only). */
export function withObservedConcepts(
  table: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const merged: Record<string, readonly string[]> = { ...table };
  for (const [canonical, variants] of Object.entries(observedConcepts)) {
    merged[canonical] = [...(merged[canonical] ?? []), ...variants];
  }
  return merged;
}
