import type { OutOfScopeTopic } from "./out-of-scope-topics.ts";

/**
 * Neighbouring questions the guide does not cover, each sharing a word or two with a playbook ("invoice",
 * "amp", "notifications", "ocpp", "slow", "flex", "card"). Learnt as classes of their own so that shared
 * word is outweighed by the rest of the sentence and the matcher says honestly that the guide does not
 * cover it. Written from what support desks are asked, never from evaluation sentences.
 */
export const adjacentTopics: readonly OutOfScopeTopic[] = [
  {
    id: "subscription-billing",
    title: "the ChargePoint subscription's own invoices and renewals",
    phrases: [
      "our chargepoint subscription invoice",
      "bill for the cloud plan subscription",
      "cloud plan renewal quote",
      "how much is the subscription per port per year",
      "who do we pay for the software license renewal",
      "accounts payable question about the chargepoint bill we received",
      "update the credit card on file for our chargepoint account",
    ],
  },
  {
    id: "electrical-install",
    title: "designing a new electrical installation",
    phrases: [
      "what wire gauge for a new circuit",
      "conduit size and wire size for the install",
      "awg copper run length for a new charger",
      "permit and inspection for installing chargers",
      "trenching and panel upgrade for new chargers",
      "how many chargers can our service panel support for a new site",
      "load calculation before buying more stations",
    ],
  },
  {
    id: "chat-notifications",
    title: "Slack or Teams notification settings",
    phrases: [
      "slack notification settings",
      "mute this slack channel",
      "teams keeps alerting me, turn off alerts in teams",
      "stop slack from pinging me for every reply",
      "do not disturb in microsoft teams",
      "change my email notification preferences for this workspace",
    ],
  },
  {
    id: "third-party-ocpp",
    title: "onboarding a third-party OCPP charger",
    phrases: [
      "connect a third party ocpp charger to chargepoint",
      "non chargepoint hardware onboarding via ocpp",
      "point another brand's charger at the chargepoint central system url",
      "ocpp 1.6 websocket endpoint for our abb or wallbox chargers",
      "is a different manufacturer's charger compatible with the network",
    ],
  },
  {
    id: "dashboard-performance",
    title: "the dashboard website itself being slow or broken in a browser",
    phrases: [
      "dashboard website slow in the browser",
      "page takes forever to load in chrome",
      "clear browser cache, dashboard not loading",
      "dashboard page spinning, firefox edge safari",
      "website timing out when I log in",
    ],
  },
  {
    id: "home-charger",
    title: "a driver's home charger (Home Flex) and its Wi-Fi",
    phrases: [
      "home flex wifi setup",
      "home charger won't join the wifi network",
      "my residential charger in the garage at my house",
      "change the wifi network on my home charger",
      "home charger app pairing with bluetooth",
    ],
  },
  {
    id: "ordering",
    title: "ordering cards, stations or parts, and sales quotes",
    phrases: [
      "order more chargepoint cards for drivers",
      "a driver lost their card and needs a new one sent",
      "order rfid cards in bulk for a fleet",
      "buy a charger, what does the hardware cost",
      "replacement badges mailed to the office",
      "buy additional stations, sales quote",
      "how much does a new station cost to purchase",
      "order spare parts or a spare cable",
      "request a quote from sales",
      "purchase order for new hardware",
    ],
  },
  {
    id: "company-it",
    title: "internal IT and office matters",
    phrases: [
      "vpn will not connect",
      "laptop will not boot",
      "wiki or issue tracker down",
      "investor relations and share price",
      "lunch order",
      "printer not working",
      "expense report",
      "vacation days request",
    ],
  },
  {
    id: "driver-app-account",
    title: "a driver's own app account, phone or login",
    phrases: [
      "driver forgot their app password",
      "delete my driver account",
      "driver phone is not receiving the sms verification code",
      "app crashes on my iphone",
      "change the email address on my driver account",
    ],
  },
];
