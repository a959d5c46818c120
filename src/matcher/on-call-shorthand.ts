/**
 * How an on-call engineer writes the dashboard's words at night ("stn PDX-07 both ports NS rsn 18", "p1
 * avail, brkr on"), read as the guide writes them. The guide's Status/Actions tab shows Station Status and
 * Port Status (Available, Unavailable, Needs Service with a Reason, Station Unreachable), Port 1 and Port 2,
 * and the articles count breakers and name the RFID reader. Only abbreviations of those words are here,
 * each common in support tickets; a word that could be another article's ("conn" for a connector or a
 * connection, "cs" already Circuit Sharing) is left alone.
 */
export const onCallShorthand: Readonly<Record<string, readonly string[]>> = {
  available: ["avail", "avl"],
  unavailable: ["unavail", "unavl"],
  unreachable: ["unreach", "unrch", "unrchbl"],
  "needs service": ["ns", "needs svc", "need svc"],
  reason: ["rsn"],
  breaker: ["brkr", "bkr"],
  breakers: ["brkrs", "bkrs"],
  reader: ["rdr"],
  fault: ["flt", "flts"],
  "port 1": ["p1"],
  "port 2": ["p2"],
  "single phase": ["1ph", "1 ph", "1phase"],
  "three phase": ["3ph", "3 ph", "3phase"],
  reboot: ["rbt", "rebooted x2", "rebooted twice"],
  // Ticket titles and checklist items (eleventh round): the short forms of the guide's own nouns. "conn"
  // alone stays ambiguous, but beside "code" it is the Connection Code a driver enters.
  account: ["acct", "accts"],
  authentication: ["auth", "authn"],
  "connection code": ["conn code", "conn codes", "connection cd"],
  power: ["pwr"],
  amount: ["amt"],
  address: ["addr"],
  location: ["loc"],
  customer: ["cust"],
  building: ["bldg"],
  receipt: ["rcpt"],
  received: ["rcvd", "recvd"],
  transaction: ["trx"],
  level: ["lvl"],
  manager: ["mgr"],
  driver: ["drvr"],
  drivers: ["drvrs"],
  employee: ["emp"],
  employees: ["emps"],
  service: ["svc"],
  session: ["sess"],
  replacement: ["repl"],
  // "charger" itself is read as the guide's "station" (synonyms.ts).
  station: ["chgr", "chrgr", "chgrs", "chrgrs"],
  cable: ["cbl"],
  screen: ["scrn"],
  display: ["disp"],
  damaged: ["dmg", "dmgd"],
  "not working": ["inop", "inoperable", "inoperative"],
};

/** The table with the shorthand added to each word's variants. */
export function withOnCallShorthand(
  table: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const merged: Record<string, readonly string[]> = { ...table };
  for (const [canonical, variants] of Object.entries(onCallShorthand)) {
    merged[canonical] = [...(merged[canonical] ?? []), ...variants];
  }
  return merged;
}
