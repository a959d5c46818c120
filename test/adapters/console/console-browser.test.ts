import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "../../pg/test-database.ts";
import { type ConsoleHarness, startConsole } from "./console-harness.ts";
import { seedAnalytics } from "./seed-analytics.ts";

/*
 * The console in a real browser: Debian's chromium (CI installs it with .ci/chromium.sh) driven by
 * playwright-core, one browser per store engine. The same pages run on the embedded SQLite store and on
 * PostgreSQL (a fresh test database; skipped only when no PostgreSQL server is available). Screenshots
 * go to test-artifacts/console/<engine>/ (gitignored).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const artefactsRoot = path.resolve(import.meta.dirname, "../../../test-artifacts/console");
const pgServer = inject("pgUrl");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The whole browser suite against one store engine; PostgreSQL reports itself skipped without a server. */
function consoleSuite(engine: "sqlite" | "postgresql"): void {
  describe.skipIf(engine === "postgresql" && !pgServer)(`the web console in Chromium (${engine})`, () => {
    const artefacts = path.join(artefactsRoot, engine);
    let database: { url: string; drop: () => Promise<void> } | undefined;
    let h: ConsoleHarness;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    const problems: string[] = [];

    beforeAll(async () => {
      if (!existsSync(chromiumPath)) {
        throw new Error(
          `No chromium at ${chromiumPath}: install it (apt-get install chromium, see .ci/chromium.sh) or set CHROMIUM_PATH.`,
        );
      }
      mkdirSync(artefacts, { recursive: true });
      database = engine === "postgresql" ? await createTestDatabase(pgServer) : undefined;
      h = await startConsole(database ? { databaseUrl: database.url } : {});
      await seedAnalytics(h.running.store, new Date());
      userDataDir = mkdtempSync(path.join(tmpdir(), "cpbot-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
        viewport: { width: 1280, height: 900 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      // Any script error, and any console error (a CSP violation is one), fails the file's last test.
      page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      await h?.close();
      await database?.drop();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    /** axe-core in the page (evaluated over DevTools, so the page's CSP needs no exception); serious and critical only. */
    async function seriousViolations(): Promise<string[]> {
      await page.evaluate(axeSource);
      // A string, so the page-side code needs no DOM types here.
      const violations = (await page.evaluate(
        "axe.run().then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, html: v.nodes[0].html })))",
      )) as { id: string; impact: string; nodes: number; html: string }[];
      return violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.nodes}): ${v.html}`);
    }

    describe("pages", () => {
      it("asks a question, shows the Adaptive Card with its buttons, walks two steps and escalates", async () => {
        await page.goto(`${h.url}/console/`);
        await page.waitForSelector("body[data-ready='true']");
        await page.getByLabel("Message").fill("station shows fault 303-RSC");
        await page.getByLabel("Message").press("Enter");
        const card = page.locator("#transcript li.bot .teams-view .ac-adaptiveCard").first();
        await card.waitFor();
        await expect(card.getByRole("button", { name: "Start walkthrough" }).isVisible()).resolves.toBe(true);
        await expect(card.getByRole("button", { name: "Escalate" }).isVisible()).resolves.toBe(true);
        await expect(page.locator("#why").textContent()).resolves.toContain("relay-stuck-closed");

        await card.getByRole("button", { name: "Start walkthrough" }).click();
        // Done replaces the step card in place, as Teams updates the message the button was on.
        const step = (n: number) => page.locator(`#transcript li.bot[data-title^='Step ${n} of ']`);
        await step(1).waitFor();
        await step(1).locator(".teams-view").getByRole("button", { name: "Done" }).click();
        await step(2).waitFor();
        await step(2).locator(".teams-view").getByRole("button", { name: "Done" }).click();
        await step(3).waitFor();
        await expect(page.locator("#transcript li.bot[data-kind='step']").count()).resolves.toBe(1);
        await page.screenshot({ path: path.join(artefacts, "playground-teams.png"), fullPage: true });

        // The same answer in the Slack view, drawn from its Block Kit JSON.
        await page.getByLabel("Slack").check();
        await page.locator("#transcript .slack-view .sk-button").first().waitFor();
        await page.screenshot({ path: path.join(artefacts, "playground-slack.png"), fullPage: true });
        await page.getByLabel("Teams").check();

        await step(3).locator(".teams-view").getByRole("button", { name: "Escalate" }).click();
        const escalated = page
          .locator("#transcript")
          .getByText(/Escalated to Support: ESC-[A-Z]{4}-\d{4}/)
          .first();
        await escalated.waitFor();
        const id = /ESC-[A-Z]{4}-\d{4}/.exec((await escalated.textContent()) ?? "")?.[0];
        expect(id).toBeDefined();
        expect(await seriousViolations()).toEqual([]);

        await page.getByRole("link", { name: "Escalations" }).click();
        await page.locator(`li.escalation[id='${id}']`).waitFor();
        await expect(page.locator(`li.escalation[id='${id}'] .badge`).textContent()).resolves.toBe("open");
        await page.screenshot({ path: path.join(artefacts, "escalations.png"), fullPage: true });
        expect(await seriousViolations()).toEqual([]);
      }, 120_000);

      it("draws the analytics charts from the seeded store, and the playbooks page passes axe", async () => {
        await page.goto(`${h.url}/console/analytics`);
        await page.waitForSelector("body[data-ready='true']");
        // A drawn canvas has opaque pixels; an empty one is all transparent.
        const painted = (await page.evaluate(`(() => {
        const canvas = document.getElementById("chart-per-day");
        const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
        return n;
      })()`)) as number;
        expect(painted).toBeGreaterThan(100);
        await expect(page.locator("#table-per-day").textContent()).resolves.toMatch(/Questions.*\d/);
        await expect(page.locator("#unmatched").textContent()).resolves.toContain("how do I bake bread");
        // The funnel says whether answers helped, per step, first answers included.
        await expect(page.locator("#funnels").textContent()).resolves.toMatch(/Did this help: 1 yes, 1 no/);
        await expect(page.locator("#table-funnel-0").textContent()).resolves.toMatch(/Helped here.*\(first answer\)/);
        await page.screenshot({ path: path.join(artefacts, "analytics.png"), fullPage: true });
        expect(await seriousViolations()).toEqual([]);

        await page.goto(`${h.url}/console/playbooks`);
        await expect(page.locator("li.playbook").count()).resolves.toBe(20);
        await page.screenshot({ path: path.join(artefacts, "playbooks.png") });
        expect(await seriousViolations()).toEqual([]);
        expect(problems).toEqual([]);
      }, 120_000);
    });
  });
}

consoleSuite("sqlite");
consoleSuite("postgresql");
