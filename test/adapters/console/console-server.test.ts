import { afterEach, describe, expect, it } from "vitest";
import type { ChartData } from "../../../src/analytics/chart-data.ts";
import { type ConsoleHarness, nextEventId, startConsole, submitButtons } from "./console-harness.ts";
import { seedAnalytics } from "./seed-analytics.ts";

let h: ConsoleHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Presses a card button as the page does: the button's action and value, the card's message id. */
const press = (
  harness: ConsoleHarness,
  thread: string,
  card: { messageId: string },
  { action, value }: { action: string; value?: string },
) =>
  harness.turn({
    kind: "action",
    thread,
    eventId: nextEventId(),
    action,
    ...(value !== undefined ? { value } : {}),
    messageId: card.messageId,
  });

describe("the web console on a loopback listener", () => {
  it("redirects / to /console/ and serves the four pages with a strict CSP and no inline script or style", async () => {
    h = await startConsole();
    const root = await fetch(`${h.url}/`, { redirect: "manual" });
    expect(root.status).toBe(303);
    expect(root.headers.get("location")).toBe("/console/");
    for (const [path, heading] of [
      ["/console/", "Playground"],
      ["/console/playbooks", "Playbooks"],
      ["/console/analytics", "Analytics"],
      ["/console/escalations", "Escalations"],
    ] as const) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const page = await res.text();
      expect(page).toContain(`<h1>${heading}</h1>`);
      // Every script has a src (nothing inline), and no element carries a style attribute.
      expect(page.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
      expect(page).not.toMatch(/\sstyle=/);
    }
    expect(h.running.summary.join("\n")).toContain(`Console (loopback only): ${h.running.url}/console/`);
  });

  it("walks a conversation: question, overview with buttons, two steps, escalation, then the queue shows it", async () => {
    h = await startConsole();
    const thread = "tab-one-1234";
    const asked = await h.turn({
      kind: "message",
      thread,
      eventId: nextEventId(),
      text: "station shows fault 303-RSC",
    });
    const overview = asked.cards[0]!;
    expect(overview.kind).toBe("overview");
    expect(overview.adaptive[0]?.type).toBe("AdaptiveCard");
    expect(overview.slack[0]?.blocks.length).toBeGreaterThan(0);
    const titles = submitButtons(overview).map((b) => b.title);
    expect(titles).toContain("Start walkthrough");
    expect(titles.some((t) => t.startsWith("Escalate"))).toBe(true);
    expect(asked.why?.playbook).toEqual({ id: "relay-stuck-closed", title: "Relay Stuck Closed (303-RSC)" });

    const start = submitButtons(overview).find((b) => b.title === "Start walkthrough")!;
    let step = (await press(h, thread, overview, start)).cards[0]!;
    expect(step.title).toMatch(/^Step 1 of \d+: Relay Stuck Closed \(303-RSC\)$/);
    for (const n of [2, 3]) {
      const done = submitButtons(step).find((b) => b.title === "Done")!;
      const next = await press(h, thread, step, done);
      expect(next.mode).toBe("replace");
      // The replaced card keeps the id of the card whose button was pressed, so the page swaps it in place.
      expect(next.cards[0]!.messageId).toBe(step.messageId);
      step = next.cards[0]!;
      expect(step.title).toMatch(new RegExp(`^Step ${n} of \\d+: Relay Stuck Closed \\(303-RSC\\)$`));
    }
    const back = await press(h, thread, step, submitButtons(step).find((b) => b.title === "Back")!);
    expect(back.cards[0]!.title).toMatch(/^Step 2 of \d+:/);
    const escalate = submitButtons(back.cards[0]!).find((b) => b.title.startsWith("Escalate"))!;
    const escalated = await press(h, thread, back.cards[0]!, escalate);
    expect(escalated.cards[0]!.title).toBe("Escalated to Support: ESC-0001");

    const queue = await (await fetch(`${h.url}/console/escalations`)).text();
    expect(queue).toContain("ESC-0001");
    expect(queue).toContain("Open (1)");
    expect(queue).toContain("Relay Stuck Closed (303-RSC)");
    expect(queue).toContain("<dt>Steps done</dt>");
    expect(queue).toContain("<dt>Stopped at</dt>");
    expect(queue).toContain(`Console console, thread ${thread}`);
  });

  it("keeps one thread per tab: another tab's button cannot move this tab's walkthrough", async () => {
    h = await startConsole();
    const asked = await h.turn({
      kind: "message",
      thread: "tab-a-123456",
      eventId: nextEventId(),
      text: "fault 303-RSC",
    });
    const start = submitButtons(asked.cards[0]!).find((b) => b.title === "Start walkthrough")!;
    const started = await press(h, "tab-a-123456", asked.cards[0]!, start);
    const done = submitButtons(started.cards[0]!).find((b) => b.title === "Done")!;
    const other = await press(h, "tab-b-123456", started.cards[0]!, done);
    expect(other.cards[0]!.title).not.toMatch(/^Step 2 of/);
    const mine = await press(h, "tab-a-123456", started.cards[0]!, done);
    expect(mine.cards[0]!.title).toMatch(/^Step 2 of \d+: Relay Stuck Closed \(303-RSC\)$/);
  });

  it("answers a repeated event id once (a double click), and explains unmatched text with alternatives", async () => {
    h = await startConsole();
    const eventId = nextEventId();
    const body = { kind: "message", thread: "tab-dup-1234", eventId, text: "the charger is broken somehow" };
    const first = await h.turn(body);
    expect(first.duplicate).toBe(false);
    expect(first.why?.explanation).toBeDefined();
    const again = await h.turn(body);
    expect(again).toMatchObject({ duplicate: true, cards: [] });
  });

  it("refuses POSTs without the page's CSRF token, from another origin or cross-site, and bad bodies, specifically", async () => {
    h = await startConsole();
    const post = (
      headers: Record<string, string>,
      body: unknown = { kind: "message", thread: "tab-x-123456", eventId: nextEventId(), text: "hi" },
    ) =>
      fetch(`${h!.url}/console/api/turn`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const noToken = await post({});
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as { message: string }).message).toContain("x-csrf-token");
    expect((await post({ "x-csrf-token": "wrong" })).status).toBe(403);
    expect((await post({ "x-csrf-token": h.csrf, origin: "http://evil.example" })).status).toBe(403);
    expect((await post({ "x-csrf-token": h.csrf, "sec-fetch-site": "cross-site" })).status).toBe(403);
    const bad = await post(
      { "x-csrf-token": h.csrf },
      { kind: "message", thread: "x", eventId: nextEventId(), text: "" },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/thread: must be 8 to 64/);
    expect((await post({ "x-csrf-token": h.csrf }, "{not json")).status).toBe(400);
    const form = await fetch(`${h.url}/console/api/turn`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-csrf-token": h.csrf },
      body: "text=hi",
    });
    expect(form.status).toBe(415);
  });

  it("answers only to a loopback Host header, so a rebound DNS name cannot reach it", async () => {
    h = await startConsole();
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${h!.url}/console/`, { headers: { host: "attacker.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it("serves the bundles with an ETag and answers 304 when the browser has them", async () => {
    h = await startConsole();
    const res = await fetch(`${h.url}/console/assets/playground.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/javascript");
    const etag = res.headers.get("etag")!;
    expect((await res.text()).length).toBeGreaterThan(1000);
    expect((await fetch(`${h.url}/console/assets/playground.js`, { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );
  });
});

describe("the web console on another address", () => {
  it("is not served without CONSOLE_TOKEN, and says so at start-up", async () => {
    h = await startConsole({ host: "0.0.0.0" });
    expect((await fetch(`${h.url}/console/`)).status).toBe(404);
    expect((await fetch(`${h.url}/`)).status).toBe(404);
    expect(h.running.summary.join("\n")).toContain("Console: off (the server listens on 0.0.0.0, not loopback");
  });

  it("with CONSOLE_TOKEN requires it on every request: Bearer, or a cookie set from ?token= once; never logged", async () => {
    const token = "t0ken-for-the-console-123";
    h = await startConsole({ host: "0.0.0.0", env: { CONSOLE_TOKEN: token, LOG_LEVEL: "debug" } });
    expect((await fetch(`${h.url}/console/`)).status).toBe(401);
    expect((await fetch(`${h.url}/console/assets/console.css`)).status).toBe(401);
    expect(
      (await fetch(`${h.url}/console/`, { headers: { authorization: "Bearer nope-nope-nope-nope" } })).status,
    ).toBe(401);
    expect((await fetch(`${h.url}/console/?token=wrong-token-value`, { redirect: "manual" })).status).toBe(401);

    const login = await fetch(`${h.url}/console/playbooks?token=${token}`, { redirect: "manual" });
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/console/playbooks");
    const cookie = login.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(`${h.url}/console/playbooks`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(withCookie.status).toBe(200);
    const asked = await h.turn({
      kind: "message",
      thread: "tab-token-12",
      eventId: nextEventId(),
      text: "fault 303-RSC",
    });
    expect(asked.cards[0]!.kind).toBe("overview");
    expect(h.logs.join("\n")).not.toContain(token);
    expect(h.running.summary.join("\n")).toContain("Console (CONSOLE_TOKEN required on every request)");
  });
});

describe("the console's analytics", () => {
  it("serves the chart numbers from the store: per day, outcomes, funnel, escalation times", async () => {
    h = await startConsole();
    await seedAnalytics(h.running.store, new Date());
    const data = (await (await fetch(`${h.url}/console/api/analytics`)).json()) as ChartData;
    expect(data.perDay.map((d) => d.questions)).toEqual([1, 1, 3]);
    expect(data.outcomes).toEqual({ matched: 2, didYouMean: 1, unmatched: 2 });
    expect(data.topPlaybooks).toEqual([{ playbook: "relay-stuck-closed", questions: 2 }]);
    expect(data.unmatched).toMatchObject([{ text: "how do I bake bread", count: 2 }]);
    expect(data.timeToClaim).toEqual({ count: 1, medianMinutes: 30, meanMinutes: 30 });
    expect(data.timeToResolve).toEqual({ count: 1, medianMinutes: 120, meanMinutes: 120 });
    const [funnel] = data.funnels;
    expect(funnel).toMatchObject({
      playbook: "relay-stuck-closed",
      started: 2,
      completed: 1,
      resolved: 1,
      notResolved: 0,
    });
    expect(funnel?.steps.find((s) => s.step === "open-stations")).toEqual({
      step: "open-stations",
      reached: 1,
      stopped: 1,
      escalated: 1,
    });
    const queue = await (await fetch(`${h.url}/console/escalations`)).text();
    expect(queue).toContain("Resolved (1)");
    expect(queue).toContain('<a href="https://teams.microsoft.com/l/message/19a/1">Teams 19a</a>');
  });
});
