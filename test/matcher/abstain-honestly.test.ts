import { describe, expect, it } from "vitest";
import { realMatcher } from "./real-matcher.ts";

/**
 * Issue 13, fourth round: the matcher abstains on what the guide does not cover and answers what it does,
 * even when the two share words. Multi-case checks on the real playbooks, phrased here (not in any eval set).
 */
describe("abstaining only on what the guide does not cover", () => {
  const { matcher } = realMatcher();

  it.each([
    // Words of the guide that no trigger uses ("take effect", "withheld") no longer count as foreign.
    ["weekend pricing rule still hasn't taken effect", "pricing-policy"],
    ["time of day pricing hasn't taken effect yet", "pricing-policy"],
    // A topic that only shares "driver" and "app" with the articles does not make a symptom abstain.
    ["app sends our visitors to the old site address", "bad-pinpoint"],
    ["usable by is All Drivers yet the driver cannot start a session in the app", "access-control"],
    ["our visitors say they can't find the charger in the app", "bad-pinpoint"],
  ])("answers %j with %s (a match or a did-you-mean, not an abstention)", (text, playbook) => {
    const result = matcher.match(text);
    expect(result.kind).not.toBe("no-match");
    expect(result.playbook).toBe(playbook);
  });

  it.each([
    // Ordering cards made to order, the lead time of an order: the ordering topic, not the card reader.
    ["rfid cards with our logo printed on them, who makes those", "adjacent-topic"],
    ["how long is the lead time on CPF50 orders", "adjacent-topic"],
    // A text or an email when something happens is an alert subscription, not Station Unreachable.
    ["send me a text whenever a port faults", "adjacent-topic"],
    ["can I get an email if a charger goes offline", "adjacent-topic"],
    // Digging is building: a new installation, whatever it costs.
    ["trenching quote for the far parking row", "adjacent-topic"],
    // A video advertisement on the screen is Video Ads, not a station message.
    ["upload a new video ad for the lobby chargers", "dashboard-feature"],
    // Manuals and datasheets are not in the guide.
    ["where's the quick start guide pdf for the ct4000", "adjacent-topic"],
    // Warranty claims and returns, even of a part a playbook is about.
    ["does the warranty cover a cord that got cut, and how do we get an rma", "adjacent-topic"],
    // Data over a period is the Reports feature; a discount on the network's own plan is the subscription's.
    ["total kwh across all our stations for the year, where do I get that", "dashboard-feature"],
    ["export a csv of every session this quarter", "dashboard-feature"],
    ["any discount on the cloud plan if we add 20 ports", "adjacent-topic"],
    // Managing one's own things in the driver app is the app's account, not an article.
    ["how does a driver remove an old credit card from the app", "adjacent-topic"],
    ["driver wants to change the email on her app profile", "adjacent-topic"],
    // A wire gauge written the electrician's way is designing an install.
    ["electrician wants to pull 6 copper for the new charger, enough?", "adjacent-topic"],
  ])("abstains on %j as %s", (text, kind) => {
    expect(matcher.match(text)).toMatchObject({ kind: "no-match", outOfScopeKind: kind });
  });

  it("keeps the in-scope twins of those answered", () => {
    expect(matcher.match("driver tapped the rfid card and the reader did not respond")).toMatchObject({
      kind: "match",
      playbook: "rfid-reader",
    });
    expect(matcher.match("station went offline, signal strength is -105 dBm")).toMatchObject({
      playbook: "station-unreachable",
    });
    expect(matcher.match("change the text on the station screen")).toMatchObject({ playbook: "station-messages" });
    // The guide's own reports and discounts stay the articles'.
    expect(matcher.match("where do I find the financial report for last month")).toMatchObject({
      playbook: "flex-billing",
    });
    expect(matcher.match("driver discount isn't applied at the station")).toMatchObject({
      playbook: "pricing-policy",
    });
    expect(matcher.match("the OTAng logs for last month show errors")).toMatchObject({ playbook: "firmware-upgrade" });
    // The guide's own wire counts stay Circuit Sharing's.
    expect(matcher.match("five wire install with circuit sharing enabled, is that a problem")).toMatchObject({
      playbook: "circuit-sharing",
    });
    // Wording wanted on the screen, said with "want ... shown".
    expect(matcher.match("we want 'Staff parking only' shown on every charger")).toMatchObject({
      playbook: "station-messages",
    });
  });
});
