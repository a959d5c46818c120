import { describe, expect, it } from "vitest";
import { escalationsPage, readableTime, stepText } from "../../../adapters/console/escalations-page.ts";
import type { EscalationRecord } from "../../../src/store/store.ts";

const ann = { id: "U1", name: "ann" };
const record: EscalationRecord = {
  id: "ESC-0007",
  idempotencyKey: "k",
  sessionKey: "slack:C1:1.1",
  playbook: "relay-stuck-closed",
  requester: ann,
  origin: { platform: "slack", channelId: "C1", threadId: "1700.1" },
  status: "open",
  handoff: {
    question: "**urgent** <script>alert(1)</script>",
    walkthrough: { currentStep: "Go to the **Stations** tab." },
    stepsDone: [{ text: "Log in to the ChargePoint Cloud Dashboard." }],
  },
  history: [{ from: null, to: "open", by: ann, at: "2026-11-29T21:38:21.355Z" }],
  delivery: {},
  createdAt: "2026-11-29T21:38:21.355Z",
  updatedAt: "2026-11-29T21:38:21.355Z",
} as EscalationRecord;

describe("the escalations page", () => {
  it("shows the guide's bold UI names bold, times readable, and the playbook's title", () => {
    const page = escalationsPage({
      csrf: "t",
      escalations: [record],
      titleOf: (id) => (id === "relay-stuck-closed" ? "Relay Stuck Closed (303-RSC)" : undefined),
    });
    expect(page).toContain("Go to the <strong>Stations</strong> tab.");
    expect(page).not.toContain("**Stations**");
    expect(page).toContain("29 Nov 2026, 21:38 UTC");
    expect(page).not.toContain("2026-11-29T21:38:21.355Z");
    expect(page).toContain("Relay Stuck Closed (303-RSC)");
    expect(page).toContain("Slack C1, thread 1700.1");
  });

  it("never turns what a person typed into markup, asterisks included", () => {
    const page = escalationsPage({ csrf: "t", escalations: [record] });
    expect(page).toContain("**urgent** &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>alert");
    // Without a title lookup the playbook id is shown rather than nothing.
    expect(page).toContain("relay-stuck-closed");
  });

  it("escapes step text before making it bold, and leaves an unparsable time as stored", () => {
    expect(stepText("Press **<b>Save</b>**").value).toBe("Press <strong>&lt;b&gt;Save&lt;/b&gt;</strong>");
    expect(readableTime("yesterday")).toBe("yesterday");
  });
});
