import { adjacentTopics } from "./adjacent-topics.ts";

/**
 * Parts of the ChargePoint Cloud Dashboard the guide shows (tabs, menus, org settings) but has no playbook
 * for. The matcher learns them as extra classes so a question about, say, Video Ads lands on "Video Ads"
 * (and abstains, naming it) instead of on the playbook that happens to share a word. Written from the
 * guide's screens; never copy evaluation sentences here.
 *
 * Adjacent topics (`adjacent-topics.ts`) are the other side: things support hears about that the guide
 * does not cover at all. Both kinds make the matcher abstain; the kind says which it was.
 */
export interface OutOfScopeTopic {
  id: string;
  title: string;
  phrases: string[];
}

export const dashboardFeatures: readonly OutOfScopeTopic[] = [
  {
    id: "video-ads",
    title: "Video Ads",
    phrases: [
      "video ads",
      "play advertising videos on the station",
      "ad campaign approval",
      "upload an advertisement video file",
      "sponsor commercials on the charger's video display",
    ],
  },
  {
    id: "scheduled-charging",
    title: "Scheduled Charging",
    phrases: ["scheduled charging", "charging schedule for fleet vehicles", "schedule when vehicles charge overnight"],
  },
  {
    id: "tax-rules",
    title: "Tax Rules",
    phrases: [
      "tax rules",
      "sales tax on charging fees",
      "vat rate for sessions",
      "tax rule summary tab",
      "tax rules for pricing and reservations",
    ],
  },
  {
    id: "reports",
    title: "Reports",
    phrases: [
      "reports tab",
      "session data export",
      "utilization report",
      "download usage statistics",
      "ghg and gasoline savings numbers",
      "a report of all sessions for last quarter",
      "export every session of the year to a spreadsheet",
      "total energy used by all our stations this year",
    ],
  },
  {
    id: "fleets",
    title: "Fleets",
    phrases: ["fleets tab", "fleet vehicle management", "register vehicles in the fleet module", "fleet telematics"],
  },
  {
    id: "manage-energy",
    title: "Manage Energy",
    phrases: ["manage energy tab", "energy management", "demand response event", "site power limit management"],
  },
  {
    id: "api-info",
    title: "API Info",
    phrases: [
      "api info",
      "api key",
      "web services api credentials",
      "api access for integration",
      "a webhook or an sdk for our developers",
    ],
  },
  {
    id: "grant-rights",
    title: "Grant Rights and Grant Objects",
    phrases: ["grant rights", "share stations with another organization", "give another org admin rights"],
  },
  {
    id: "sub-operators",
    title: "Sub-Operators",
    phrases: ["sub-operators", "add sub operator", "sub operator organization"],
  },
  {
    id: "admins",
    title: "Admins and dashboard accounts",
    phrases: [
      "admins tab",
      "add dashboard admin user",
      "remove an administrator",
      "dashboard login locked out",
      "dashboard password",
      "reset a dashboard user's password or two factor login",
      "give a colleague a username for the dashboard",
    ],
  },
  {
    id: "inventory",
    title: "Inventory",
    phrases: ["inventory tab", "stations sitting in inventory", "inventory list"],
  },
  {
    id: "crowdsourcing",
    title: "Crowdsourcing",
    phrases: ["crowdsourcing tab", "driver reviews and photos of the station", "crowdsourced station info"],
  },
  {
    id: "remote-stop",
    title: "Remote Stop Charging",
    phrases: ["remote stop charging", "stop a session remotely", "end a driver session from the dashboard"],
  },
  {
    id: "plug-n-charge",
    title: "Plug n Charge",
    phrases: [
      "plug n charge",
      "plug n charge iso 15118",
      "vehicle identifies itself automatically, plug n charge contract",
    ],
  },
  {
    id: "carbon-credits",
    title: "Carbon Credit Program",
    phrases: ["carbon credit program", "lcfs carbon credits", "carbon credit enrollment"],
  },
  {
    id: "self-test",
    title: "Self Test and Diagnostics tab",
    phrases: ["self test", "self test tab", "diagnostics tab results"],
  },
  {
    id: "support-log",
    title: "Support Log",
    phrases: ["support log", "support log tab", "support case notes history"],
  },
  {
    id: "station-lifecycle",
    title: "Station activation settings",
    phrases: ["deactivate station", "decommission a charger", "add non-gateway"],
  },
  {
    id: "org-settings",
    title: "Organization settings",
    phrases: [
      "preferred language",
      "create organization",
      "allow org creation",
      "demo or production flag",
      "station contacts tab",
    ],
  },
];

export const outOfScopeTopics: readonly (OutOfScopeTopic & { kind: "dashboard-feature" | "adjacent-topic" })[] = [
  ...dashboardFeatures.map((t) => ({ ...t, kind: "dashboard-feature" as const })),
  ...adjacentTopics.map((t) => ({ ...t, kind: "adjacent-topic" as const })),
];
