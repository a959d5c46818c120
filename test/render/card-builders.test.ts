import { describe, expect, it } from "vitest";
import { decodeActionPayload } from "../../src/cards/card-actions.ts";
import type { Button, Card, CardBlock } from "../../src/cards/card-schema.ts";
import { type Playbook, PlaybookSchema } from "../../src/playbooks/playbook-schema.ts";
import { didYouMeanCard } from "../../src/render/did-you-mean-card.ts";
import { errorCard } from "../../src/render/error-card.ts";
import { escalateFormCard } from "../../src/render/escalate-form-card.ts";
import { type EscalationView, escalationCard, escalationStatusCard } from "../../src/render/escalation-card.ts";
import { escalationsListCard } from "../../src/render/escalations-list-card.ts";
import { formatAge } from "../../src/render/format-time.ts";
import { helpCard } from "../../src/render/help-card.ts";
import { noMatchCard } from "../../src/render/no-match-card.ts";
import { articleCard, overviewCard } from "../../src/render/overview-card.ts";
import { playbookListCard } from "../../src/render/playbook-list-card.ts";
import { statsCard } from "../../src/render/stats-card.ts";
import { stepCard } from "../../src/render/step-card.ts";
import { toolResultCard } from "../../src/render/tool-result-card.ts";
import { unknownWordCard } from "../../src/render/unknown-word-card.ts";
import { validationCard } from "../../src/render/validation-card.ts";
import { walkthroughEndCard } from "../../src/render/walkthrough-end-card.ts";
import { sampleResult } from "./card-samples.ts";

const playbook: Playbook = PlaybookSchema.parse({
  id: "relay-stuck",
  version: 3,
  title: "Relay Stuck Closed (303-RSC)",
  article: "Out of Service Due to Relay Stuck Closed",
  section: "Diagnose",
  summary: "A relay is stuck closed.",
  symptoms: ["Screen shows **Unavailable**"],
  roles: ["Network Manager", "Installer"],
  errorLogs: { faultCodes: [{ code: "303-RSC", name: "Relay Stuck Closed" }], stationStatus: "Needs Service" },
  troubleshooting: [{ id: "log-in", text: "Log in." }],
  solution: [
    {
      id: "paste",
      text: "Paste the status.",
      input: { label: "Port lines", hint: "1,J1772,…", multiline: true, tool: "latest-status" },
    },
    { id: "reboot", text: "Reboot.", warnings: ["DO NOT CLEAR THE MAINTENANCE FLAG."], notes: ["Takes a while"] },
    { id: "settle", text: "Give it time.", wait: { minMinutes: 3, maxMinutes: 5 } },
    {
      id: "recheck",
      text: "Check again.",
      choice: {
        prompt: "Did it clear?",
        options: [
          { label: "Cleared", branch: "ok" },
          { label: "Still faulted", branch: "bad" },
        ],
      },
    },
  ],
  branches: [
    {
      id: "ok",
      label: "Fault cleared",
      when: "Outlet shows Available",
      steps: [{ id: "scan", text: "Scan the alarm log." }],
    },
    {
      id: "bad",
      label: "Fault persists",
      when: "Still OUT_OF_SERVICE",
      steps: [{ id: "replace", text: "Replace the head.", escalate: true }],
    },
  ],
  reference: [{ id: "cats", title: "Categories", columns: ["A", "B"], rows: [["1", "2"]], notes: ["Only these."] }],
  escalation: {
    when: ["It persists"],
    evidence: [
      { id: "lines", label: "Port lines" },
      { id: "photo", label: "Photo", required: false },
    ],
  },
  triggers: { phrases: ["relay stuck"] },
});

const blocksOf = <T extends CardBlock["type"]>(card: Card, type: T) =>
  card.blocks.filter((b): b is Extract<CardBlock, { type: T }> => b.type === type);
const buttonsOf = (card: Card): Button[] => blocksOf(card, "actions").flatMap((b) => b.buttons);
const labels = (card: Card) => buttonsOf(card).map((b) => `${b.action} ${b.label}`);
const step = (id: string) =>
  [...playbook.solution, ...playbook.branches.flatMap((b) => b.steps)].find((s) => s.id === id)!;

/** The blocks folded into the card's details block (the whole article on an overview). */
const folded = (card: Card): Card => ({
  ...card,
  blocks: card.blocks.flatMap((b) => (b.type === "details" ? b.blocks : [])),
});

describe("overviewCard", () => {
  it("answers first: what it is, the next thing to do and the buttons before any detail", () => {
    const card = overviewCard(playbook);
    expect(card.kind).toBe("overview");
    expect(card.blocks.slice(0, 4).map((b) => b.type)).toEqual(["header", "text", "text", "actions"]);
    expect(blocksOf(card, "text")[1]?.text).toBe(
      "**Next:** press **Start walkthrough** to go through the 6 steps one at a time. Step 1: Log in.",
    );
    expect(blocksOf(card, "fields")[0]?.fields).toEqual([
      { label: "Fault code", value: "`303-RSC` Relay Stuck Closed" },
      { label: "Station status", value: "Needs Service" },
    ]);
    expect(labels(card)).toEqual([
      "walk.start Start walkthrough",
      "overview.full Show all steps",
      "escalate Escalate…",
    ]);
    expect(buttonsOf(card)[1]?.toggles).toBe("all-steps");
    expect(decodeActionPayload(buttonsOf(card)[0]?.value)).toEqual({ playbook: "relay-stuck" });
    // No step list before the fold.
    expect(blocksOf(card, "steps")).toEqual([]);
  });

  it("folds the whole article, numbered steps, branches, reference and escalation, behind Show all steps", () => {
    const details = blocksOf(overviewCard(playbook), "details");
    expect(details.map((d) => d.id)).toEqual(["all-steps"]);
    const article = folded(overviewCard(playbook));
    const steps = blocksOf(article, "steps");
    expect(steps.map((s) => s.title)).toEqual([
      "Troubleshooting",
      "Solution",
      "Fault cleared (Outlet shows Available)",
      "Fault persists (Still OUT_OF_SERVICE)",
    ]);
    expect(steps[1]?.items.map((i) => i.label)).toEqual(["1", "2", "3", "4"]);
    expect(steps[1]?.items[1]?.warnings).toEqual(["DO NOT CLEAR THE MAINTENANCE FLAG."]);
    expect(steps[1]?.items[0]?.notes).toEqual(["You will be asked: Port lines (1,J1772,…)"]);
    expect(steps[1]?.items[2]?.notes).toEqual(["Wait 3–5 minutes before going on."]);
    expect(steps[1]?.items[3]?.notes).toEqual([
      "**Did it clear?** Cleared → Fault cleared · Still faulted → Fault persists",
    ]);
    expect(steps[3]?.items[0]?.notes).toEqual(["The guide says to contact Support at this step."]);
    expect(blocksOf(article, "table")).toEqual([
      { type: "table", title: "Categories", columns: ["A", "B"], rows: [["1", "2"]] },
    ]);
    expect(blocksOf(article, "list").map((l) => l.items)).toContainEqual(["Port lines", "Photo (if available)"]);
  });

  it("the article card shows the same article with the buttons to act on it", () => {
    const card = articleCard(playbook, "relay welded");
    expect(card.kind).toBe("article");
    expect(card.title).toBe("Relay Stuck Closed (303-RSC): all steps");
    expect(blocksOf(card, "steps")).toEqual(blocksOf(folded(overviewCard(playbook)), "steps"));
    expect(labels(card)).toEqual(["walk.start Start walkthrough", "escalate Escalate…"]);
    expect(decodeActionPayload(buttonsOf(card)[0]?.value)).toEqual({ playbook: "relay-stuck", query: "relay welded" });
  });

  it("offers Not this one? whenever it answers a question, even with no close alternative", () => {
    const card = overviewCard(playbook, { query: "relay welded", confidence: 0.97 });
    expect(labels(card)).toEqual([
      "walk.start Start walkthrough",
      "overview.full Show all steps",
      "escalate Escalate…",
      "alternatives Not this one?",
    ]);
  });

  it("explains the match and offers the alternatives", () => {
    const card = overviewCard(playbook, {
      query: "relay welded",
      confidence: 0.874,
      explanation: ["phrase “relay stuck”"],
      alternatives: [{ playbook: { id: "hw", title: "Hardware Fault" }, confidence: 0.41 }],
    });
    expect(blocksOf(card, "context")[0]?.text).toBe(
      "You asked “relay welded” · match 87% · because phrase “relay stuck” · Diagnose › Out of Service Due to Relay Stuck Closed",
    );
    expect(blocksOf(card, "context").at(-1)?.text).toBe("Also close: Hardware Fault (41%)");
    expect(decodeActionPayload(buttonsOf(card)[3]?.value)).toEqual({ playbook: "relay-stuck", query: "relay welded" });
  });

  it("says what it read from a long paste instead of quoting all of it", () => {
    const paste = Array.from(
      { length: 12 },
      (_, i) => `${i + 1},J1772,FwRev=32,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE`,
    ).join("\n");
    const context = blocksOf(overviewCard(playbook, { query: paste, confidence: 0.9 }), "context")[0]?.text ?? "";
    expect(context).toMatch(new RegExp(`^You pasted 12 lines, ${paste.length} characters, starting “1,J1772,FwRev=32`));
    expect(context).not.toContain("12,J1772");
  });

  it("keeps only three symptoms before the fold and says how many more there are", () => {
    const many = { ...playbook, symptoms: ["one", "two", "three", "four", "five"] };
    const card = overviewCard(many);
    expect(blocksOf(card, "list")[0]?.items).toEqual(["one", "two", "three", "… 2 more under Show all steps"]);
    expect(blocksOf(folded(card), "list")[0]?.items).toEqual(["one", "two", "three", "four", "five"]);
  });
});

describe("stepCard", () => {
  const view = { session: "s1", playbook, index: 2, total: 7, section: "Solution", canGoBack: true };

  it("shows Step k of n, the input with its Submit, then Done, Back, Skip, Escalate", () => {
    const card = stepCard({ ...view, step: step("paste") });
    expect(card.title).toBe("Step 2 of 7: Relay Stuck Closed (303-RSC)");
    expect(blocksOf(card, "header")[0]?.text).toBe("Step 2 of 7");
    expect(blocksOf(card, "input")).toEqual([
      { type: "input", id: "answer", label: "Port lines", placeholder: "1,J1772,…", multiline: true },
    ]);
    expect(labels(card)).toEqual([
      "walk.submit Submit",
      "walk.done Done",
      "walk.back Back",
      "walk.skip Skip",
      "escalate Escalate",
    ]);
    const types = card.blocks.map((b) => b.type);
    expect(types.indexOf("input") + 1).toBe(types.indexOf("actions")); // Submit right under its input
    expect(decodeActionPayload(buttonsOf(card)[0]?.value)).toEqual({
      session: "s1",
      playbook: "relay-stuck",
      step: "paste",
    });
  });

  it("shows warnings, notes and the wait; no Back on the first step", () => {
    const card = stepCard({ ...view, index: 1, canGoBack: false, step: step("reboot") });
    expect(card.blocks).toContainEqual({ type: "text", text: "DO NOT CLEAR THE MAINTENANCE FLAG.", style: "warning" });
    expect(card.blocks).toContainEqual({ type: "context", text: "Takes a while" });
    expect(labels(card)).toEqual(["walk.done Done", "walk.skip Skip", "escalate Escalate"]);
    expect(stepCard({ ...view, step: step("settle") }).blocks).toContainEqual({
      type: "text",
      text: "⏱ Wait 3–5 minutes before going on.",
    });
  });

  it("offers the choice's options instead of Done, each carrying its branch", () => {
    const card = stepCard({ ...view, step: step("recheck") });
    expect(labels(card)).toEqual([
      "walk.choose Cleared",
      "walk.choose Still faulted",
      "walk.back Back",
      "walk.skip Skip",
      "escalate Escalate",
    ]);
    expect(decodeActionPayload(buttonsOf(card)[1]?.value).branch).toBe("bad");
    expect(card.blocks).toContainEqual({ type: "text", text: "**Did it clear?**" });
  });

  it("shows the last check's result and an error next to the input", () => {
    const card = stepCard({
      ...view,
      step: step("paste"),
      previousResult: sampleResult(playbook),
      error: "Paste a line.",
    });
    expect(card.blocks).toContainEqual({
      type: "text",
      text: "**Get Latest Status:** Port 1 is OUT_OF_SERVICE",
      style: "error",
    });
    expect(blocksOf(card, "input")[0]?.error).toBe("Paste a line.");
  });

  it("marks a step where the guide says to contact Support", () => {
    const card = stepCard({ ...view, section: "Fault persists", step: step("replace") });
    expect(card.blocks).toContainEqual({
      type: "text",
      text: "The guide says to contact Support at this step.",
      style: "warning",
    });
    expect(buttonsOf(card).at(-1)).toMatchObject({ action: "escalate", style: "danger" });
  });
});

describe("walkthroughEndCard", () => {
  it("sums up what was done and skipped and asks whether it fixed the problem", () => {
    const card = walkthroughEndCard({
      session: "s1",
      playbook,
      done: ["log-in", "reboot", "gone"],
      skipped: ["settle"],
    });
    expect(card.kind).toBe("walkthrough-end");
    expect(card.blocks).toContainEqual({
      type: "text",
      text: "**Relay Stuck Closed (303-RSC)**: 3 steps done, 1 step skipped.",
    });
    expect(blocksOf(card, "list").map((l) => [l.title, l.items])).toEqual([
      ["Done", ["Log in.", "Reboot.", "gone"]],
      ["Skipped", ["Give it time."]],
    ]);
    expect(labels(card)).toEqual(["walk.fixed Yes, it's fixed", "walk.not-fixed No, escalate"]);
  });
});

describe("didYouMeanCard and noMatchCard", () => {
  it("offers each candidate as a button plus None of these", () => {
    const other = { ...playbook, id: "hw", title: "Hardware Fault", summary: "Hardware." };
    const card = didYouMeanCard("relay", [
      { playbook, confidence: 0.55 },
      { playbook: other, confidence: 0.5 },
    ]);
    expect(labels(card)).toEqual([
      "open Relay Stuck Closed (303-RSC)",
      "open Hardware Fault",
      "none None of these",
      "escalate.ask Escalate…",
    ]);
    expect(decodeActionPayload(buttonsOf(card)[1]?.value)).toEqual({ playbook: "hw", query: "relay" });
    expect(blocksOf(card, "list")[0]?.items[1]).toBe("**Hardware Fault** (50%): Hardware.");
  });

  it("says plainly that nothing fits and offers the closest playbooks, Browse all and Escalate…", () => {
    const configure = { ...playbook, id: "jc", title: "Just Charge", section: "Configure" as const };
    const extra = ["a", "b", "c"].map((id) => ({ id, title: `Topic ${id}` }));
    const card = noMatchCard("coffee machine", [configure, playbook, ...extra], {
      why: "This looks like Billing, which has no playbook.",
    });
    expect(card.title).toBe("I have no playbook for that");
    expect(blocksOf(card, "text")[0]?.text).toBe(
      "None of my playbooks fits “coffee machine”. This looks like Billing, which has no playbook. Try the fault code (e.g. 303-RSC), the station status or the alarm name.",
    );
    // At most three suggestions, in the matcher's order; no green button that files a ticket in one press.
    expect(labels(card)).toEqual([
      "open Just Charge",
      "open Relay Stuck Closed (303-RSC)",
      "open Topic a",
      "browse Browse all",
      "escalate.ask Escalate…",
    ]);
    expect(buttonsOf(card).filter((b) => b.style)).toEqual([]);
    expect(decodeActionPayload(buttonsOf(card)[0]?.value)).toEqual({ playbook: "jc", query: "coffee machine" });
    expect(decodeActionPayload(buttonsOf(card).at(-1)?.value)).toEqual({ query: "coffee machine" });
  });

  it("with nothing close it still offers Browse all and Escalate…", () => {
    expect(labels(noMatchCard("zzz", []))).toEqual(["browse Browse all", "escalate.ask Escalate…"]);
  });

  it("the escalate form asks what is wrong, keeps what was typed and shows why it was refused", () => {
    const card = escalateFormCard({ initial: "ok", error: "Say what is wrong" });
    expect(card.kind).toBe("escalate-form");
    expect(blocksOf(card, "input")).toEqual([
      {
        type: "input",
        id: "problem",
        label: "What is wrong?",
        placeholder: expect.stringContaining("station CPF-6"),
        multiline: true,
        maxLength: 2000,
        initial: "ok",
        error: "Say what is wrong",
      },
      {
        type: "input",
        id: "note",
        label: "Note for Support (optional)",
        placeholder: expect.stringContaining("site manager"),
        multiline: true,
        maxLength: 1000,
      },
    ]);
    expect(labels(card)).toEqual(["escalate.submit Submit"]);
    const kept = blocksOf(escalateFormCard({ initial: "ok", note: "call 555-0100" }), "input");
    expect(kept[1]).toMatchObject({ id: "note", initial: "call 555-0100" });
  });

  it("a mistyped word: did you mean the corrected words, as buttons", () => {
    const card = unknownWordCard("fualt 303-RSC", "fault");
    expect(card.title).toBe("Did you mean “fault”?");
    expect(labels(card)).toEqual([
      "run fault 303-RSC",
      "ask Read it as a question",
      "run Help",
      "escalate.ask Escalate…",
    ]);
    expect(decodeActionPayload(buttonsOf(card)[0]?.value)).toEqual({ query: "fault 303-RSC" });
    expect(decodeActionPayload(buttonsOf(card)[1]?.value)).toEqual({ query: "fualt 303-RSC" });
  });
});

describe("validationCard and toolResultCard", () => {
  it("lists what is wrong field by field", () => {
    const result = sampleResult(playbook, {
      verdict: "invalid",
      summary: "2 lines need fixing",
      errors: [
        { field: "line 1", code: "too_short", message: "Needs 16 fields, has 3." },
        { field: "line 2", code: "bad_port", message: "Port must be 1 or 2." },
      ],
    });
    const card = validationCard(result);
    expect(card.title).toBe("Get Latest Status: input needs fixing");
    expect(card.blocks).toContainEqual({ type: "text", text: "2 problems to fix:" });
    expect(blocksOf(card, "fields")[0]?.fields).toEqual([
      { label: "line 1", value: "Needs 16 fields, has 3." },
      { label: "line 2", value: "Port must be 1 or 2." },
    ]);
    const ok = validationCard(sampleResult(playbook, { verdict: "ok", summary: "Looks right", errors: [] }));
    expect(ok.title).toBe("Get Latest Status: input looks good");
    expect(ok.blocks).toContainEqual({ type: "text", text: "Looks right", style: "success" });
  });

  it("shows verdict, figures, explanation and next steps", () => {
    const card = toolResultCard(sampleResult(playbook, { errors: [] }));
    expect(card.title).toBe("Get Latest Status: problem found");
    expect(blocksOf(card, "fields")[0]?.fields).toEqual([
      { label: "Port 1", value: "OUT_OF_SERVICE" },
      { label: "Port 2", value: "AVAILABLE" },
    ]);
    expect(blocksOf(card, "list").map((l) => l.title)).toEqual([undefined, "Next"]);
  });
});

describe("escalation cards", () => {
  const base: EscalationView = {
    id: "ESC-1",
    status: "open",
    requester: { id: "U1", name: "Dana" },
    openedAt: "2025-03-04T09:15:30Z",
    originLink: "https://example.slack.com/archives/C1/p1",
    playbook,
    stepsDone: ["log-in"],
    stepsSkipped: ["reboot"],
    inputs: [{ step: "paste", label: "Port lines", value: "1,J1772" }],
    toolResults: [],
    evidence: [
      { label: "Port lines", required: true, provided: true },
      { label: "Alarm history", required: true, provided: false },
    ],
    note: "Customer on site",
    history: [{ escalation: "ESC-1", status: "open", by: { id: "U1", name: "Dana" }, at: "2025-03-04T09:15:30Z" }],
  };

  it("hands off everything Support needs", () => {
    const card = escalationCard(base);
    // The requester is a people block, so each platform can make it a real mention.
    expect(blocksOf(card, "people")).toEqual([
      { type: "people", label: "Requested by", people: [{ id: "U1", name: "Dana" }] },
    ]);
    expect(blocksOf(card, "fields")[0]?.fields).toEqual([
      { label: "Opened", value: "2025-03-04 09:15 UTC" },
      { label: "Playbook", value: "Relay Stuck Closed (303-RSC) (`relay-stuck` v3)" },
      { label: "Thread", value: "https://example.slack.com/archives/C1/p1" },
      { label: "Escalation id", value: "ESC-1" },
    ]);
    expect(card.blocks).toContainEqual({ type: "text", text: "Still missing: Alarm history", style: "warning" });
    expect(blocksOf(card, "list").map((l) => [l.title, l.items])).toEqual([
      ["Steps done", ["Log in."]],
      ["Steps skipped", ["Reboot."]],
      ["Evidence", ["✅ Port lines", "⬜ Alarm history"]],
    ]);
    expect(card.blocks).toContainEqual({ type: "context", text: "2025-03-04 09:15 UTC · Open by Dana" });
  });

  it("offers the buttons that fit the status", () => {
    const buttons = (status: EscalationView["status"]) => labels(escalationCard({ ...base, status }));
    expect(buttons("open")).toEqual(["esc.claim Claim", "esc.need-info Need info", "esc.resolve Resolve"]);
    expect(buttons("claimed")).toEqual(["esc.need-info Need info", "esc.resolve Resolve"]);
    expect(buttons("need-info")).toEqual(["esc.claim Claim", "esc.resolve Resolve"]);
    expect(buttons("resolved")).toEqual([]);
    expect(decodeActionPayload(buttonsOf(escalationCard(base))[0]?.value)).toEqual({ escalation: "ESC-1" });
  });

  it("announces a status change: what, by whom, when, note", () => {
    const card = escalationStatusCard({
      escalation: "ESC-1",
      status: "resolved",
      previous: "claimed",
      by: { id: "U9", name: "Sam" },
      at: "2025-03-04T10:00:00Z",
      note: "Head replaced",
      subject: "Relay Stuck Closed",
    });
    expect(card.blocks).toEqual([
      { type: "text", text: "**Sam resolved escalation ESC-1** (Relay Stuck Closed).", style: "success" },
      { type: "text", text: "**Note:** Head replaced" },
      { type: "context", text: "Claimed → Resolved · 2025-03-04 10:00 UTC" },
    ]);
  });

  it("lists the queue oldest first", () => {
    const card = escalationsListCard([
      { id: "E2", playbook: "B", requester: "Lee", status: "claimed", ageMinutes: 5 },
      { id: "E1", playbook: "A", requester: "Dana", status: "open", ageMinutes: 1500, note: "waiting" },
    ]);
    expect(blocksOf(card, "table")[0]?.rows).toEqual([
      ["E1", "A", "Dana", "Open", "1 d 1 h", "waiting"],
      ["E2", "B", "Lee", "Claimed", "5 min", ""],
    ]);
    expect(escalationsListCard([]).blocks).toContainEqual({
      type: "text",
      text: "No escalations. Nothing is waiting for Support.",
      style: "success",
    });
  });
});

describe("other cards", () => {
  it("help lists the commands", () => {
    const card = helpCard([{ usage: "/cp list", summary: "All playbooks." }]);
    expect(blocksOf(card, "list")[0]?.items).toEqual(["`/cp list`: All playbooks."]);
  });

  it("the playbook list opens each playbook", () => {
    const card = playbookListCard([playbook]);
    expect(card.title).toBe("Playbooks (1)");
    expect(labels(card)).toEqual(["open Relay Stuck Closed (303-RSC)"]);
  });

  it("stats show totals, rates and where walkthroughs stop", () => {
    const card = statsCard({
      period: "last 7 days",
      questions: 20,
      perPlaybook: [
        { title: "A", questions: 12, walkthroughsStarted: 8, walkthroughsCompleted: 6, escalations: 2 },
        { title: "B", questions: 3, walkthroughsStarted: 2, walkthroughsCompleted: 0, escalations: 0 },
      ],
      unmatched: [{ query: "coffee", count: 5 }],
      lowConfidence: [],
      dropOff: [{ playbook: "B", step: "Reboot", count: 2 }],
    });
    expect(blocksOf(card, "fields")[0]?.fields).toEqual([
      { label: "Questions", value: "20" },
      { label: "Unmatched", value: "5 (25%)" },
      { label: "Walkthroughs completed", value: "6 of 10 (60%)" },
      { label: "Escalation rate", value: "20% of walkthroughs" },
    ]);
    expect(blocksOf(card, "table")[0]?.rows).toEqual([
      ["A", "12", "6/8", "2"],
      ["B", "3", "0/2", "0"],
    ]);
    expect(blocksOf(card, "list").map((l) => l.items)).toEqual([["B, step “Reboot”: 2"], ["“coffee” ×5"]]);
  });

  it("an error card never shows a stack trace", () => {
    const error = new Error("The store is not reachable.");
    const card = errorCard(`${error.message}\n${error.stack}`, "store_unavailable");
    const shown = JSON.stringify(card);
    expect(shown).not.toMatch(/\bat\s+\S+\s+\(|\.ts:\d+:\d+/);
    expect(card.blocks).toContainEqual({
      type: "text",
      text: expect.stringContaining("The store is not reachable."),
      style: "error",
    });
    expect(card.blocks).toContainEqual({ type: "context", text: "Error code: `store_unavailable`" });
  });

  it("formats ages for a queue", () => {
    expect([0.5, 45, 60, 125, 1440, 3000].map(formatAge)).toEqual([
      "<1 min",
      "45 min",
      "1 h",
      "2 h 5 min",
      "1 d",
      "2 d 2 h",
    ]);
  });
});
