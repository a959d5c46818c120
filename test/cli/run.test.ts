import { describe, expect, it } from "vitest";
import { platformCredentials, run } from "../../adapters/cli/commands/run.ts";
import { fakeIO } from "./cli-io.ts";

describe("cpbot run", () => {
  it("with no Slack or Teams credentials starts the server with the web console on 127.0.0.1 and prints its URL", async () => {
    const { io, stderr } = fakeIO("", { LOG_LEVEL: "info" });
    let stop = () => {};
    const stopped = new Promise<string>((resolve) => {
      stop = () => resolve("SIGTERM");
    });
    // Options go on to cpbot serve; port 0 picks a free one.
    const status = run(["--port", "0"], io, () => stopped);
    // The console's line appears once the server listens; open the page it names, then stop the server.
    let url: string | undefined;
    for (let i = 0; i < 1200 && !url; i++) {
      url = /Console \(loopback only\): (http:\/\/127\.0\.0\.1:\d+\/console\/)/.exec(stderr())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(stderr()).toContain(
      "no Slack or Teams credentials set (SLACK_BOT_TOKEN, MicrosoftAppId), so cpbot starts on its embedded defaults, with the web console on 127.0.0.1.",
    );
    expect(url, stderr()).toBeDefined();
    // After the log, a plain welcome says where to go: the console's own address first, then the terminal.
    for (let i = 0; i < 200 && !stderr().includes("cpbot is ready."); i++) await new Promise((r) => setTimeout(r, 50));
    const welcome = stderr().slice(stderr().indexOf("cpbot is ready."));
    expect(welcome).toContain(`Try it in your browser:  ${url}`);
    expect(welcome).toContain("Or in this terminal:     npm run chat");
    expect(welcome).toContain("Stop:                    Ctrl+C");
    const page = await fetch(url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="message">Message</label>');
    stop();
    expect(await status).toBe(0);
    expect(stderr()).toContain("cpbot serve: stopped.");
  }, 90_000);

  it("names the credentials it found, never their values; empty values do not count", () => {
    expect(platformCredentials({})).toEqual([]);
    expect(platformCredentials({ SLACK_BOT_TOKEN: " ", MicrosoftAppId: "" })).toEqual([]);
    expect(platformCredentials({ SLACK_BOT_TOKEN: "xoxb-secret", MicrosoftAppId: "app" })).toEqual([
      "SLACK_BOT_TOKEN",
      "MicrosoftAppId",
    ]);
    // Teams settings may be given in upper snake case too.
    expect(platformCredentials({ MICROSOFT_APP_ID: "app" })).toEqual(["MICROSOFT_APP_ID"]);
  });
});
