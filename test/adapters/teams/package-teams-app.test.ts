import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkTeamsManifest } from "../../../adapters/teams/check-teams-manifest.ts";
import { packageTeamsApp } from "../../../adapters/teams/package-teams-app.ts";
import { colorIcon, outlineIcon } from "../../../adapters/teams/teams-icons.ts";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const appId = "9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";

/** A copy of the repository's teams/ folder and package.json, so a test can break it. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "cpbot-teams-pkg-"));
  mkdirSync(join(root, "teams"));
  for (const file of ["manifest.json", "color.png", "outline.png"])
    copyFileSync(join(repo, "teams", file), join(root, "teams", file));
  copyFileSync(join(repo, "package.json"), join(root, "package.json"));
  return root;
}

describe("npm run teams:package", () => {
  it("writes a zip with the manifest and both icons; the bot id is the app id", () => {
    const root = workspace();
    const result = packageTeamsApp({
      env: { MicrosoftAppId: appId, TEAMS_DEVELOPER_URL: "https://support.example.org" },
      root,
    });
    expect(result.file).toBe(join(root, "teams", "build", "cpbot-teams.zip"));
    const files = unzipSync(readFileSync(result.file));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest.$schema).toBe(
      "https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.schema.json",
    );
    expect(manifest.manifestVersion).toBe("1.23");
    expect(manifest.id).toBe(appId);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(appId);
    expect(manifest.bots[0].scopes).toEqual(["team", "personal", "groupChat"]);
    const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    for (const command of ["help", "list", "fault", "open", "msg", "escalate", "escalations"])
      expect(titles).toContain(command);
    expect(manifest.developer.websiteUrl).toBe("https://support.example.org");
    expect(manifest.validDomains).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain("{{");
    expect(Buffer.from(files["color.png"]!)).toEqual(readFileSync(join(repo, "teams", "color.png")));
    expect(result.warnings).toEqual([]);
  });

  it("says what to set when MicrosoftAppId is missing", () => {
    expect(() => packageTeamsApp({ env: {}, root: workspace() })).toThrow(/MicrosoftAppId is not set.*Azure Bot/s);
  });

  it("refuses a package Teams would refuse, naming the field", () => {
    expect(() => packageTeamsApp({ env: { MicrosoftAppId: "not-a-guid" }, root: workspace() })).toThrow(
      /id must be a GUID/,
    );
    const root = workspace();
    writeFileSync(join(root, "teams", "outline.png"), outlineIcon(48));
    expect(() => packageTeamsApp({ env: { MicrosoftAppId: appId }, root })).toThrow(/outline.png must be a 32×32 PNG/);
  });

  it("keeps the committed icons in step with the code that draws them", () => {
    expect(readFileSync(join(repo, "teams", "color.png"))).toEqual(colorIcon());
    expect(readFileSync(join(repo, "teams", "outline.png"))).toEqual(outlineIcon());
    const manifest = JSON.parse(
      readFileSync(join(repo, "teams", "manifest.json"), "utf8")
        .replaceAll("{{MICROSOFT_APP_ID}}", appId)
        .replace(/\{\{[A-Z_]+\}\}/g, (m) =>
          m.includes("URL") ? "https://example.com" : m === "{{TEAMS_APP_VERSION}}" ? "1.0.0" : "cpbot",
        ),
    );
    expect(checkTeamsManifest(manifest, { color: colorIcon(), outline: outlineIcon() })).toEqual([]);
  });
});
