import { afterEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/engine/rate-limiter.ts";
import { ann, bob, Harness } from "./engine-harness.ts";

describe("RateLimiter", () => {
  it("lets a person send the allowance, says slow down once, then drops quietly until the window moves", () => {
    const limiter = new RateLimiter(3);
    const t = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.check("ann", "C1", t + i))).toEqual(["ok", "ok", "ok"]);
    expect(limiter.check("ann", "C1", t + 3)).toBe("slow-down");
    expect(limiter.check("ann", "C1", t + 4)).toBe("drop");
    expect(limiter.check("ann", "C1", t + 30_000)).toBe("drop");
    // A minute after the first request, one slot is free again.
    expect(limiter.check("ann", "C1", t + 60_000)).toBe("ok");
  });

  it("a flood from one person leaves the channel open to everyone else", () => {
    const limiter = new RateLimiter(2);
    const t = 5_000_000;
    for (let i = 0; i < 1000; i++) limiter.check("mallory", "C1", t + i);
    // mallory used 2 of the channel's 20; the other 18 are everyone else's.
    const others = Array.from({ length: 18 }, (_, i) => limiter.check(`user${i}`, "C1", t + 2000));
    expect(others.every((v) => v === "ok")).toBe(true);
    expect(limiter.check("late", "C1", t + 2001)).toBe("slow-down");
    expect(limiter.check("late", "C2", t + 2002)).toBe("ok");
  });

  it("0 turns limits off", () => {
    const limiter = new RateLimiter(0);
    expect(Array.from({ length: 500 }, (_, i) => limiter.check("ann", "C1", i)).every((v) => v === "ok")).toBe(true);
  });
});

let h: Harness;
afterEach(() => h?.close());

describe("the engine under a flood", () => {
  it("answers the allowance, then one private 'slow down', then nothing; another person in the channel is still answered", async () => {
    h = new Harness({ escalationDestination: "C-SUPPORT", lowConfidence: 0.6, rateLimitPerMinute: 5 });
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await h.say("what does 303-RSC mean", { user: ann, thread: `T${i}` }));
    expect(replies.slice(0, 5).every((r) => r.cards[0]?.kind === "overview")).toBe(true);
    expect(replies[5]?.cards.map((c) => c.title)).toEqual(["Slow down, please"]);
    expect(replies[5]?.privately).toBe(true);
    expect(replies.slice(6).every((r) => r.cards.length === 0 && r.limited)).toBe(true);
    // Refused requests left nothing behind: five questions recorded, not twenty.
    expect(await h.store.listEvents({ types: ["question"] })).toHaveLength(5);

    const bobs = await h.say("what does 303-RSC mean", { user: bob, thread: "TB" });
    expect(bobs.cards[0]?.kind).toBe("overview");
    h.advance(1.01);
    expect((await h.say("what does 303-RSC mean", { user: ann, thread: "T99" })).cards[0]?.kind).toBe("overview");
  });
});
