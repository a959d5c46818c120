import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escalationChannel, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const sue = "USUE00001";

function homeOpened(user: string, tab = "home") {
  return {
    type: "event_callback",
    team_id: "T0001",
    api_app_id: "A0CPBOT01",
    event_id: `EvHOME${user}${tab}${Math.random().toString(36).slice(2, 8)}`,
    event_time: 1699990000,
    event: { type: "app_home_opened", user, channel: "DHOME0001", tab, event_ts: "1699990000.000200" },
  };
}

interface PublishedView {
  type: string;
  blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[];
}

function published(user: string): PublishedView {
  const call = h.api.callsOf("views.publish").findLast((c) => c.body.user_id === user);
  if (!call) throw new Error(`no view published for ${user}`);
  return call.body.view as PublishedView;
}

/** The text under a header, up to the next divider. */
function sectionText(view: PublishedView, heading: RegExp): string {
  const start = view.blocks.findIndex((b) => b.type === "header" && heading.test(b.text?.text ?? ""));
  if (start < 0) return "";
  const rest = view.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === "divider");
  return JSON.stringify(end < 0 ? rest : rest.slice(0, end));
}

describe("Slack App Home", () => {
  it("publishes the requester's view: their walkthrough and escalation with links, how to ask, the topics, no queue", async () => {
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Start walkthrough");
    const { envelope: second } = h.mention("station screen says access denied");
    await h.event(second);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");

    await h.event(homeOpened("UANN00001"));
    const view = published("UANN00001");
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const headers = view.blocks.filter((b) => b.type === "header").map((b) => b.text?.text);
    expect(headers).toEqual(["How to ask", "Your open walkthroughs", "Your escalations", "Topics (20)"]);
    expect(sectionText(view, /How to ask/)).toContain("/cp fault 303-RSC");
    const walks = sectionText(view, /walkthroughs/);
    expect(walks).toMatch(/<https:\/\/acme\.slack\.com\/archives\/COPS00001\/p\d+\|[^>]*[Rr]elay[^>]*>/);
    expect(walks).toContain("At step 1");
    const mine = sectionText(view, /Your escalations/);
    expect(mine).toMatch(/<https:\/\/acme\.slack\.com\/archives\/COPS00001\/p\d+\|ESC-0001: /);
    expect(mine).toContain("Open");
    expect(sectionText(view, /Topics/)).toContain("/cp open relay-stuck-closed");
  });

  it("publishes a responder's view with the open escalation queue linking to the handoff threads", async () => {
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = h.messagesIn(escalationChannel);

    await h.event(homeOpened(sue));
    const view = published(sue);
    const queue = sectionText(view, /Escalation queue \(1\)/);
    expect(queue).toContain(`archives/${escalationChannel}/p${String(handoff?.ts).replace(".", "")}|ESC-0001: `);
    expect(queue).toContain("from ann");
    expect(sectionText(view, /Your escalations/)).toContain("None open.");
    // The Messages tab fires the same event: nothing to publish for it.
    const before = h.api.callsOf("views.publish").length;
    await h.event(homeOpened(sue, "messages"));
    expect(h.api.callsOf("views.publish")).toHaveLength(before);
  });

  it("a subject with <!channel> in it is shown as text in the Home view", async () => {
    const { envelope } = h.mention("<!channel> zzqx blorf wibble");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    await h.event(homeOpened("UANN00001"));
    const sent = JSON.stringify(published("UANN00001"));
    expect(sent).not.toContain("<!channel>");
  });
});
