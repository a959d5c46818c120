import { aboutTheBotCues, asksAboutTheBot } from "./asks-about-the-bot.ts";
import { asksBuildingSystem, buildingSystemCues } from "./asks-building-systems.ts";
import { asksBusinessPlan, businessPlanCues } from "./asks-business-plans.ts";
import { asksCompanyIt, companyItCues } from "./asks-company-it.ts";
import { asksDashboardAccount, dashboardAccountCues } from "./asks-dashboard-account.ts";
import { asksDashboardPage, dashboardPageCues } from "./asks-dashboard-page.ts";
import { asksForDocuments, documentCues } from "./asks-for-documents.ts";
import {
  asksAboutIncentives,
  asksAboutOwnPay,
  asksUnitConversion,
  asksUserPreference,
  incentiveCues,
  ownPayCues,
  unitConversionCues,
  userPreferenceCues,
} from "./asks-general-knowledge.ts";
import { asksLogistics, logisticsCues } from "./asks-logistics.ts";
import { asksOtherHardware, otherHardwareCues } from "./asks-other-hardware.ts";
import { asksOwnNetwork, ownNetworkCues } from "./asks-own-network.ts";
import { asksForSales, asksWarrantyOrReturn, salesOrWarrantyCues } from "./asks-sales-or-warranty.ts";
import {
  asksAboutReviews,
  asksCompanyWorkplace,
  asksParkingEnforcement,
  asksUtilityTariff,
  asksVehicleItself,
  siteFamilies,
  siteFamily,
} from "./asks-site-or-company.ts";
import { asksSitePower, sitePowerCues } from "./asks-site-power.ts";
import { asksToIntegrate, integrationCues } from "./asks-to-integrate.ts";
import { asksTravelOrExpense, travelExpenseCues } from "./asks-travel-expense.ts";
import { wordGates } from "./word-gates.ts";

/**
 * What a message asks to *do*, as opposed to what it is about. "How much is a CT4010", "the driver lost his
 * card and needs a new one", "wire for the new install" share a domain word with a playbook (pricing, card,
 * circuit), but the guide has no article on buying hardware, replacing a lost card or designing an
 * installation. Each cue is a pattern of an intent word and its object, vetoed by any sign of the symptom
 * a playbook does cover (a session charged wrong, a card that does not work, a fault on the new install).
 * A cue adds a concept term that only the adjacent topics' own phrases carry (adjacent-topics.ts), so the
 * scorer weighs it against the article's evidence instead of a hard rule deciding. Words are read as
 * normalised, before synonyms (so "charger" is still "charger").
 */

/** A concept term per cue; adjacent-topic phrases reach the same terms through this same function. */
export type IntentCue =
  | "purchase"
  | "newinstall"
  | "accountaccess"
  | "chattool"
  | "datarequest"
  | "appaccount"
  | "docrequest"
  | "integration"
  | "evbasics"
  | "incentive"
  | "userprefs"
  | "ownpay"
  | "salesquote"
  | "warrantyrma"
  | "utilitytariff"
  | "carfault"
  | "parkingrules"
  | "appreview"
  | "workplaceit"
  | "businessplan"
  | "otherhardware"
  | "logistics"
  | "dashboardaccount"
  | "sitepower"
  | "travelexpense"
  | "botitself"
  // Eleventh round: a page of the dashboard that no article reads.
  | "dashboardpage";

const priceWords = new Set([
  "price",
  "prices",
  "pricing",
  "priced",
  "cost",
  "costs",
  "msrp",
  "quote",
  "quotes",
  "discount",
  "discounts",
]);
/** Hardware models as written on the guide's screens: CT4020, CT4010, CPF50, CP6K. */
const modelCode = /^(ct|cpf|cpe|cp)\d+[a-z0-9]*$/;
/** What is bought from ChargePoint or a reseller: hardware, and the service contract itself. */
const boughtNouns = new Set([
  "pedestal",
  "pedestals",
  "unit",
  "units",
  "hardware",
  "head",
  "heads",
  "cable",
  "cables",
  "subscription",
  "subscriptions",
  "contract",
  "contracts",
  "license",
  "licenses",
  "warranty",
  "renewal",
  "renew",
  // The network's own plan: "a nonprofit discount on the cloud plan" is the subscription's price.
  "plan",
  "plans",
]);
const moreOf = new Set(["new", "another", "more", "additional", "extra", "spare", "replacement"]);
const stationNouns = new Set(["station", "stations", "charger", "chargers", "port", "ports", "evse"]);
/** A price that drivers pay: the Pricing Policy article, not a purchase. */
const sessionPrice = new Set([
  "driver",
  "drivers",
  "session",
  "sessions",
  "kwh",
  "charged",
  "overcharged",
  "billed",
  "fee",
  "fees",
  "rate",
  "rates",
  "wrong",
  "incorrect",
  "refund",
  "receipt",
  "hour",
  "hourly",
  "policy",
  "rule",
  "rules",
  "free",
  "overstay",
  "energy",
  "parking",
]);

const cardNouns = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "keyfob", "keyfobs", "tag", "tags"]);
/** Cards that are not a driver's: the modem's SIM, a payment card, a memory card. */
const otherCards = new Set(["sim", "credit", "debit", "sd", "gift", "business", "payment", "bank"]);
const orderWords = new Set([
  "lost",
  "stolen",
  "misplaced",
  "replacement",
  "new",
  "spare",
  "extra",
  "more",
  "another",
  "additional",
  "order",
  "request",
  "reorder",
  "send",
  "mail",
  // Cards made to order: printed, branded, with a logo.
  "print",
  "printed",
  "printing",
  "branded",
  "logo",
  "logos",
  "custom",
  "customized",
  "customised",
]);
/** Signs of a card that does not work: the RFID Reader and Access Control articles. */
const cardTrouble =
  /^(work|works|working|worked|respond|responds|responding|tap|taps|tapped|tapping|beep|beeps|read|reads|reading|reader|readers|scan|scans|scanned|swipe|swiped|denied|restricted|refused|refuses|refusing|blocked|fails|failed|access|error|declined|reject|rejected|rejects|accept|accepted|accepts|activate|activated|activation|unknown|alarm|recognize|recognized|register|registered|start|starts|session|sessions|charge|charging|not|no|never)$/;

const installWords = new Set([
  "install",
  "installs",
  "installing",
  "installation",
  "installations",
  "circuit",
  "circuits",
  "conduit",
  "trench",
  "trenching",
  "permit",
  "permits",
]);
const newness = new Set(["new", "brand", "planned", "planning", "future", "upcoming", "proposed", "before"]);
/** Digging a trench is building something, whatever else the message says about it. */
const buildingWork = new Set(["trench", "trenches", "trenching", "excavation", "excavate", "excavating"]);
/** A new install that misbehaves is a fault article's case ("earth fault after a new install"). */
const installTrouble =
  /^(fault|faults|faulted|faulting|trip|trips|tripped|tripping|error|errors|unavailable|red|jumper|jumpers|swap|swapped|replaced|after|since|fail|fails|failed|failing|broken|slow|not|no|never|down|offline|sharing|shared|unreachable|signal)$/;

/** Signing in to an account: the dashboard's, the app's, a laptop's; never a station's Activation Password. */
const accountWords = new Set([
  "password",
  "passwords",
  "passwd",
  "login",
  "logins",
  "username",
  "usernames",
  "sso",
  "okta",
  "2fa",
  "mfa",
  "lockout",
  "signin",
]);
const logVerbs = new Set(["log", "logs", "logged", "logging", "sign", "signs", "signed", "signing"]);
const loginTrouble = new Set([
  "not",
  "unable",
  "cannot",
  "forgot",
  "forgotten",
  "trouble",
  "fails",
  "failed",
  "error",
  "reset",
]);
const lockedOutOfStation = new Set([
  "station",
  "stations",
  "charger",
  "chargers",
  "port",
  "ports",
  "driver",
  "drivers",
  "visitor",
  "visitors",
  "employee",
  "employees",
  "access",
  "policy",
  "group",
]);
const stationSecrets = new Set(["activation", "mac", "serial", "wifi", "wi", "fi", "router"]);

/** The chat tool the bot lives in; "teams" only beside a chat word (a maintenance team is not Teams). */
const chatTools = new Set(["slack", "bot", "cpbot", "dm", "dms"]);
const chatWords = new Set([
  "channel",
  "channels",
  "chat",
  "notification",
  "notifications",
  "ping",
  "pings",
  "pinging",
  "pinged",
  "mute",
  "muted",
  "mention",
  "mentions",
  "unread",
  "sound",
  "workspace",
  "thread",
]);

const near = (words: readonly string[], i: number, span: number, set: ReadonlySet<string>): boolean =>
  words.slice(Math.max(0, i - span), i + span + 1).some((w) => set.has(w));

/** "how much force", "how much power": a quantity asked, not a price. */
const measured = new Set(["force", "power", "energy", "current", "voltage", "time", "kwh", "load", "signal", "range"]);

function asksPriceOfHardware(words: readonly string[]): boolean {
  const price = words.some(
    (w, i) =>
      // A "price plan" or "pricing plan" is a pricing policy, not a price asked.
      (priceWords.has(w) && !/^plans?$/.test(words[i + 1] ?? "")) ||
      (w === "how" && words[i + 1] === "much" && !measured.has(words[i + 2] ?? "")),
  );
  if (!price || words.some((w) => sessionPrice.has(w))) return false;
  return words.some(
    (w, i) => modelCode.test(w) || boughtNouns.has(w) || (stationNouns.has(w) && near(words, i, 2, moreOf)),
  );
}

function ordersCards(words: readonly string[]): boolean {
  if (words.some((w) => cardTrouble.test(w))) return false;
  return words.some((w, i) => cardNouns.has(w) && !otherCards.has(words[i - 1] ?? "") && near(words, i, 4, orderWords));
}

/**
 * Buying stations ("how many chargers should we order", "buy two more CT4020s", "cost to install chargers"):
 * the sales side, unless the bought stations misbehave ("the chargers we bought keep faulting").
 */
const buyVerbs = new Set(["order", "ordering", "buy", "buying", "bought", "purchase", "purchasing", "procure"]);
/** "Order" is a verb after these ("we should order", "to order", "can I order"); otherwise a sequence. */
const orderSubjects = new Set(["we", "i", "to", "should", "can", "could", "would", "will", "please", "need", "want"]);

function ordersStations(words: readonly string[]): boolean {
  if (words.some((w) => installTrouble.test(w))) return false;
  return words.some(
    (w, i) =>
      // "out of order", "the order got skipped", "in order to" are not orders.
      (buyVerbs.has(w) &&
        (w !== "order" || orderSubjects.has(words[i - 1] ?? "")) &&
        words.slice(Math.max(0, i - 4), i + 5).some((x) => stationNouns.has(x) || modelCode.test(x))) ||
      (stationNouns.has(w) && near(words, i, 3, installWords) && words.some((x) => priceWords.has(x))),
  );
}

/**
 * Wire gauges as electricians write them ("#8 wire", "6 copper"). Not 3, 4 or 5: the guide's "three wire"
 * and "five wire" installs count the wires on the power plate (2 hots and 1 ground, 4 hots and 1 ground).
 */
const gaugeNumbers = new Set(["2", "6", "8", "10", "12", "14", "1/0", "2/0", "3/0", "4/0"]);
const conductorWords = new Set(["wire", "copper", "aluminum", "aluminium", "cu", "al"]);

function plansNewInstall(words: readonly string[]): boolean {
  if (words.some((w) => installTrouble.test(w))) return false;
  return words.some(
    (w, i) =>
      buildingWork.has(w) ||
      (installWords.has(w) && near(words, i, 3, newness)) ||
      (gaugeNumbers.has(w) && conductorWords.has(words[i + 1] ?? "")),
  );
}

function signsIn(words: readonly string[]): boolean {
  if (words.some((w) => stationSecrets.has(w))) return false;
  return words.some(
    (w, i) =>
      accountWords.has(w) ||
      // Drivers "locked out" of a station are Access Control's.
      (w === "locked" && words[i + 1] === "out" && !words.some((x) => lockedOutOfStation.has(x))) ||
      // "log in to the dashboard" is every article's first step; failing to, or being thrown out, is not.
      (logVerbs.has(w) && words[i + 1] === "in" && near(words, i, 3, loginTrouble)) ||
      (logVerbs.has(w) && (words[i + 1] === "out" || (words[i + 1] === "me" && words[i + 2] === "out"))),
  );
}

function talksAboutTheChatTool(words: readonly string[]): boolean {
  return words.some(
    (w) => chatTools.has(w) || ((w === "teams" || w === "microsoft") && words.some((x) => chatWords.has(x))),
  );
}

/**
 * Asking for data over a period ("a report of every card swipe last month", "total kWh last year", "export
 * the sessions to Excel"): the Reports feature, not the article whose subject the data is about. Not the
 * financial report or organization statement (Flex Billing's) nor the OTAng logs (Firmware Upgrade's).
 */
const reportWords = new Set([
  "report",
  "reports",
  "export",
  "exports",
  "spreadsheet",
  "csv",
  "excel",
  "xlsx",
  "total",
  "totals",
  // "a list of every station still on 4.6.0.60"; the List of Stations to upgrade names no period.
  "list",
  "lists",
]);
/** A file of data whatever the period: "export the list of drivers to Excel". */
const dataFiles = new Set(["export", "exports", "exporting", "exported", "csv", "excel", "xlsx", "spreadsheet"]);
/** Who changed what, and when: "an audit log of pricing changes" (an audit alone is the customer's own). */
const auditRecords = /^(log|logs|trail|trails|history)$/;
const periodWords = new Set([
  "month",
  "months",
  "year",
  "years",
  "quarter",
  "quarterly",
  "monthly",
  "yearly",
  "annual",
  "every",
  "all",
  "history",
  "ytd",
]);
const articleReports = new Set(["financial", "statement", "remittance", "payout", "payouts", "otang", "ota", "logs"]);

/**
 * Data or a document wanted because something is wrong ("exported the sessions and the energy is zero",
 * "the datasheet says 40 amp but it barely charges") is the symptom's article, not a request.
 */
const dataTrouble =
  /^(zero|wrong|incorrect|missing|mismatch|but|only|fault|faults|faulted|error|errors|trip|trips|tripped|unavailable|slow|not|no|never|nothing|down|offline|unreachable|fails|failed|broken|overcharged|stuck)$/;

export function asksForDataWithoutTrouble(words: readonly string[], asks: (words: readonly string[]) => boolean) {
  return asks(words) && !words.some((w) => dataTrouble.test(w));
}

/** A calendar year is a period: "total revenue per station for 2025". */
const aYear = /^20\d\d$/;

function requestsData(words: readonly string[]): boolean {
  if (words.some((w) => articleReports.has(w))) return false;
  return words.some(
    (w, i) =>
      dataFiles.has(w) ||
      (w === "audit" && auditRecords.test(words[i + 1] ?? "")) ||
      (reportWords.has(w) &&
        !stationReportsIn(words, i) &&
        words.slice(Math.max(0, i - 6), i + 7).some((x) => periodWords.has(x) || aYear.test(x))),
  );
}

/** "every other unit reports in fine": a station checking in with the cloud (Station Unreachable), not a report. */
const stationReportsIn = (words: readonly string[], i: number) => words[i] === "reports" && words[i + 1] === "in";

/**
 * Managing one's own things in the driver app ("add a credit card in the app", "link my car account to the
 * app", "split a payment between two cards"): the app's account and features, which the guide does not
 * cover. A station the app shows wrongly, a code, a group or the waitlist in the app are the articles'.
 */
const appWords = new Set(["app", "apps", "application"]);
const manageVerbs = new Set([
  "add",
  "adding",
  "link",
  "linking",
  "delete",
  "deleting",
  "remove",
  "removing",
  "change",
  "changing",
  "update",
  "updating",
  "edit",
  "save",
  "split",
  "splitting",
]);
const ownThings = new Set([
  "credit",
  "debit",
  "payment",
  "wallet",
  "vehicle",
  "vehicles",
  "car",
  "cars",
  "email",
  "phone",
  "profile",
  "favourite",
  "favorite",
  "favourites",
  "favorites",
  "photo",
  "picture",
]);
const appSymptoms = new Set([
  "station",
  "stations",
  "charger",
  "chargers",
  "code",
  "connection",
  "group",
  "waitlist",
  "queue",
  "map",
  "pin",
  "location",
  "address",
]);

/**
 * A driver's privacy request ("erase her data", "close my account, GDPR"): the account's, not Multifamily's
 * personal charging nor a Linked Driver Account on a station.
 */
const privacyWords = new Set(["privacy", "gdpr", "ccpa", "erase", "erasure"]);
const closeVerbs = new Set(["close", "closing", "delete", "deleting", "deactivate", "cancel"]);
const whoseAccount = new Set(["my", "his", "her", "their", "own"]);
const personalThings = new Set(["data", "info", "information", "details"]);
const accountOfAStation = new Set(["linked", "station", "stations", "charger", "chargers", "connection", "group"]);

function asksForPrivacy(words: readonly string[]): boolean {
  if (words.some((w) => accountOfAStation.has(w))) return false;
  return words.some(
    (w, i) =>
      privacyWords.has(w) ||
      (w === "personal" && personalThings.has(words[i + 1] ?? "")) ||
      (closeVerbs.has(w) && near(words, i, 4, whoseAccount) && words.slice(i + 1, i + 5).includes("account")),
  );
}

function managesAppAccount(words: readonly string[]): boolean {
  if (asksForPrivacy(words)) return true;
  if (!words.some((w) => appWords.has(w)) || words.some((w) => appSymptoms.has(w))) return false;
  return words.some((w, i) => manageVerbs.has(w) && near(words, i, 5, ownThings));
}

type WordTest = (words: readonly string[]) => boolean;

/**
 * Each test with the words it cannot be true without (every way it fires needs one of them somewhere in the
 * message). These tests run on every piece of every message and on every training text, and most fire on
 * none: one pass over the words finds the few that can, and only those run. A test taught a new word that
 * makes it fire needs that word here too (test/matcher/speed-machinery.test.ts checks every eval line and training text).
 * Sales, returns, business plans, other makers' hardware, logistics and the dashboard's own account keep
 * their own modules' cues, which were their gates already.
 */
export const intentCueGates: readonly (readonly [WordTest, ReadonlySet<string>])[] = [
  [asksPriceOfHardware, new Set([...priceWords, "much"])],
  [ordersCards, cardNouns],
  [ordersStations, new Set([...buyVerbs, ...priceWords])],
  [plansNewInstall, new Set([...buildingWork, ...installWords, ...gaugeNumbers])],
  [signsIn, new Set([...accountWords, "locked", ...logVerbs])],
  [talksAboutTheChatTool, new Set([...chatTools, "teams", "microsoft"])],
  [requestsData, new Set([...dataFiles, "audit", ...reportWords])],
  [managesAppAccount, new Set([...privacyWords, "personal", ...closeVerbs, ...appWords])],
  [asksForDocuments, documentCues],
  [asksToIntegrate, integrationCues],
  [asksUnitConversion, unitConversionCues],
  [asksAboutIncentives, incentiveCues],
  [asksUserPreference, userPreferenceCues],
  [asksAboutOwnPay, ownPayCues],
  [asksForSales, salesOrWarrantyCues],
  [asksWarrantyOrReturn, salesOrWarrantyCues],
  [asksBusinessPlan, businessPlanCues],
  [asksOtherHardware, otherHardwareCues],
  [asksLogistics, logisticsCues],
  [asksDashboardAccount, dashboardAccountCues],
  [asksSitePower, sitePowerCues],
  [asksTravelOrExpense, travelExpenseCues],
  [asksAboutTheBot, aboutTheBotCues],
  [asksDashboardPage, dashboardPageCues],
  // Twelfth round: a building's own systems and a home's or office's own network, with no station named.
  [asksBuildingSystem, buildingSystemCues],
  [asksOwnNetwork, ownNetworkCues],
  [asksCompanyIt, companyItCues],
];
const gateBit = new Map(intentCueGates.map(([test], i) => [test, 1 << i]));
/** The gated tests the words leave open, as bits of `gateBit`. */
const openGates = wordGates(intentCueGates.map(([, needs]) => needs));

/** The intent cues a message's words show, in a fixed order. */
export function readIntentCues(words: readonly string[]): IntentCue[] {
  const cues: IntentCue[] = [];
  const open = openGates(words);
  const site = siteFamilies(words);
  const may = (test: WordTest) => (open & gateBit.get(test)!) !== 0;
  const fires = (test: WordTest) => may(test) && test(words);
  const firesUntroubled = (test: WordTest) => may(test) && asksForDataWithoutTrouble(words, test);
  if (fires(asksPriceOfHardware) || fires(ordersCards) || fires(ordersStations)) cues.push("purchase");
  if (fires(plansNewInstall)) cues.push("newinstall");
  if (fires(signsIn)) cues.push("accountaccess");
  if (fires(talksAboutTheChatTool)) cues.push("chattool");
  if (firesUntroubled(requestsData)) cues.push("datarequest");
  if (fires(managesAppAccount)) cues.push("appaccount");
  if (firesUntroubled(asksForDocuments)) cues.push("docrequest");
  if (firesUntroubled(asksToIntegrate)) cues.push("integration");
  if (firesUntroubled(asksUnitConversion)) cues.push("evbasics");
  if (firesUntroubled(asksAboutIncentives)) cues.push("incentive");
  if (firesUntroubled(asksUserPreference)) cues.push("userprefs");
  // "didn't hit", "is late": one's own pay is HR's whatever went wrong with it, so no trouble veto.
  if (fires(asksAboutOwnPay)) cues.push("ownpay");
  if (firesUntroubled(asksForSales)) cues.push("salesquote");
  if (firesUntroubled(asksWarrantyOrReturn)) cues.push("warrantyrma");
  if (site !== 0) {
    const may = (family: number) => (site & family) !== 0;
    if (may(siteFamily.utility) && asksForDataWithoutTrouble(words, asksUtilityTariff)) cues.push("utilitytariff");
    // A car's own part is the question whatever went wrong with it ("battery warning", "engine light").
    if (may(siteFamily.vehicle) && asksVehicleItself(words)) cues.push("carfault");
    if (may(siteFamily.parking) && asksParkingEnforcement(words)) cues.push("parkingrules");
    // "bad reviews because the app shows us in the wrong city" is the symptom's article.
    if (may(siteFamily.review) && asksForDataWithoutTrouble(words, asksAboutReviews)) cues.push("appreview");
    // A door's reader that is broken is still the building's: no trouble veto, only the station's own words.
    if (may(siteFamily.workplace) && asksCompanyWorkplace(words)) cues.push("workplaceit");
  }
  // Budgets, taxes, insurance, marketing, contractors, one's own Wi-Fi (asks-business-plans.ts has its vetoes).
  if (fires(asksBusinessPlan)) cues.push("businessplan");
  // Another maker's or a home charger, and the shipping or ordering around an article (tenth round).
  if (fires(asksOtherHardware)) cues.push("otherhardware");
  if (fires(asksLogistics)) cues.push("logistics");
  if (fires(asksDashboardAccount)) cues.push("dashboardaccount");
  // The building's own electricity and the team's travel and expenses (eleventh round; each module has its vetoes).
  if (fires(asksSitePower)) cues.push("sitepower");
  if (fires(asksTravelOrExpense)) cues.push("travelexpense");
  if (fires(asksAboutTheBot)) cues.push("botitself");
  // A page of the dashboard no article reads, asked what it is (eleventh round, asks-dashboard-page.ts).
  if (fires(asksDashboardPage)) cues.push("dashboardpage");
  // Twelfth round: the building's HVAC, cameras or alarms and one's own network are the workplace's (their modules' vetoes).
  if ((fires(asksBuildingSystem) || fires(asksOwnNetwork) || fires(asksCompanyIt)) && !cues.includes("workplaceit"))
    cues.push("workplaceit");
  return cues;
}
