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

  it("a real question that starts with a greeting is still answered by its playbook", async () => {
    h = new Harness();
    const asked = await h.say("hi team, relay stuck closed on port 1");
    expect(asked.cards[0]?.kind).toBe("overview");
    expect(await h.store.listEvents({ types: ["abstain"] })).toEqual([]);
  });
});
