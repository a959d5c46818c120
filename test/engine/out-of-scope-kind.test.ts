import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

describe("out-of-scope questions are stored like unmatched ones, with their kind", () => {
  it("an adjacent topic and a dashboard feature each get a no-match card and an abstain event with the kind; small talk gets a short answer and no abstain", async () => {
    h = new Harness();
    const thanks = await h.say("thanks a lot team, cheers!");
    expect(thanks.cards[0]?.kind).toBe("info");
    expect(thanks.cards[0]?.title).toBe("You're welcome");
    const invoice = await h.say("where do I get the invoice for our chargepoint subscription renewal");
    expect(invoice.cards[0]?.kind).toBe("no-match");
    const ads = await h.say("how do I upload a video ad");
    expect(ads.cards[0]?.kind).toBe("no-match");
    const abstains = await h.store.listEvents({ types: ["abstain"] });
    expect(abstains.map((e) => [e.text, (e.data as { outOfScopeKind?: string } | undefined)?.outOfScopeKind])).toEqual([
      ["where do I get the invoice for our chargepoint subscription renewal", "adjacent-topic"],
      ["how do I upload a video ad", "dashboard-feature"],
    ]);
  });

  it("a question sharing one domain word with an article (a card, a price, a bank account) is stored as an adjacent topic, and a short symptom line gets a did-you-mean, not an abstain", async () => {
    h = new Harness();
    const asked = [
      "driver lost his badge, how does he get a replacement",
      "how much is a ct4010 these days",
      "my salary went into the wrong bank account",
      "stop the bot from pinging the whole channel",
      // Its subject is an article's (firmware), what it asks for is not.
      "where are the release notes for firmware 4.6.0.79",
    ];
    for (const text of asked) expect((await h.say(text)).cards[0]?.kind, text).toBe("no-match");
    const abstains = await h.store.listEvents({ types: ["abstain"] });
    expect(abstains.map((e) => [e.text, (e.data as { outOfScopeKind?: string } | undefined)?.outOfScopeKind])).toEqual(
      asked.map((text) => [text, "adjacent-topic"]),
    );
    // Weak evidence for one playbook: the bot asks instead of giving up, and nothing is stored as unmatched.
    const short = await h.say("signal strength zorbled yesterday apparently");
    expect(short.cards[0]).toMatchObject({ kind: "did-you-mean", title: "Did you mean this?" });
    expect(await h.store.listEvents({ types: ["abstain"] })).toHaveLength(asked.length);
    const ambiguous = await h.store.listEvents({ types: ["ambiguous"] });
    expect(ambiguous.map((e) => [e.text, e.playbook])).toEqual([
      ["signal strength zorbled yesterday apparently", "station-unreachable"],
    ]);
  });

  it("a real question that starts with a greeting is still answered by its playbook", async () => {
    h = new Harness();
    const asked = await h.say("hi team, relay stuck closed on port 1");
    expect(asked.cards[0]?.kind).toBe("overview");
    expect(await h.store.listEvents({ types: ["abstain"] })).toEqual([]);
  });
});
