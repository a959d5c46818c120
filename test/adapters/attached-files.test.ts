import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { messageToEvent } from "../../adapters/slack/message-to-event.ts";
import { activityToBotEvent } from "../../adapters/teams/activity-to-bot-event.ts";

describe("files attached in a thread reach the engine as MessageEvent.files", () => {
  it("Slack: a file_share message carries each file's name and permalink", () => {
    const event = messageToEvent(
      {
        type: "message",
        subtype: "file_share",
        channel: "C1",
        user: "U1",
        ts: "1700000000.000200",
        thread_ts: "1700000000.000100",
        text: "photo of the transformer plate",
        files: [{ name: "plate.jpg", permalink: "https://acme.slack.com/files/U1/F1/plate.jpg" }, { title: "notes" }],
      },
      "UBOT",
    );
    expect(event.files).toEqual([
      { name: "plate.jpg", url: "https://acme.slack.com/files/U1/F1/plate.jpg" },
      { name: "notes" },
    ]);
    expect(event.text).toBe("photo of the transformer plate");
  });

  it("Teams: a file in personal chat is an event even without text; cards are not files", () => {
    const activity = {
      type: "message",
      id: "1700000000001",
      conversation: { id: "a:personal-1", conversationType: "personal" },
      from: { id: "29:user", name: "Ann" },
      recipient: { id: "28:bot", name: "cpbot" },
      text: "",
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.file.download.info",
          name: "breaker-ground.png",
          content: { downloadUrl: "https://contoso.sharepoint.com/breaker-ground.png" },
        },
        { contentType: "application/vnd.microsoft.card.adaptive", content: {} },
      ],
    } as unknown as Activity;
    const translated = activityToBotEvent(activity);
    expect(translated.kind).toBe("event");
    if (translated.kind !== "event" || translated.event.kind !== "message") throw new Error("not a message event");
    expect(translated.event.files).toEqual([
      { name: "breaker-ground.png", url: "https://contoso.sharepoint.com/breaker-ground.png" },
    ]);
  });
});
