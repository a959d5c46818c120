import { pngSize } from "./encode-png.ts";

/**
 * The checks Teams would make on upload, run before zipping, so a bad package fails here with a message
 * naming the field rather than in the Teams admin centre with a generic "manifest parsing failed".
 * Limits from the Teams app manifest schema (v1.23).
 */
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const https = /^https:\/\/[^\s/$.?#][^\s]*$/i;

interface Manifest {
  manifestVersion?: string;
  version?: string;
  id?: string;
  developer?: Record<string, string | undefined>;
  name?: { short?: string; full?: string };
  description?: { short?: string; full?: string };
  icons?: { outline?: string; color?: string };
  accentColor?: string;
  bots?: {
    botId?: string;
    scopes?: string[];
    commandLists?: { scopes?: string[]; commands?: { title?: string; description?: string }[] }[];
  }[];
  validDomains?: string[];
  composeExtensions?: {
    botId?: string;
    commands?: {
      id?: string;
      type?: string;
      title?: string;
      description?: string;
      parameters?: { name?: string; title?: string; description?: string }[];
    }[];
  }[];
}

export function checkTeamsManifest(manifest: Manifest, icons: { color: Uint8Array; outline: Uint8Array }): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const length = (value: string | undefined, max: number, field: string) =>
    need(
      Boolean(value) && (value?.length ?? 0) <= max,
      `${field} must be 1 to ${max} characters (is ${value?.length ?? 0})`,
    );

  need(manifest.manifestVersion === "1.23", `manifestVersion must be "1.23"`);
  need(/^\d+\.\d+\.\d+$/.test(manifest.version ?? ""), `version must be semver like 1.0.0 (is "${manifest.version}")`);
  need(guid.test(manifest.id ?? ""), "id must be a GUID (the bot's Microsoft App ID)");
  length(manifest.developer?.name, 32, "developer.name");
  for (const field of ["websiteUrl", "privacyUrl", "termsOfUseUrl"]) {
    need(https.test(manifest.developer?.[field] ?? ""), `developer.${field} must be an https URL`);
  }
  length(manifest.name?.short, 30, "name.short");
  if (manifest.name?.full) length(manifest.name.full, 100, "name.full");
  length(manifest.description?.short, 80, "description.short");
  length(manifest.description?.full, 4000, "description.full");
  need(/^#[0-9a-f]{6}$/i.test(manifest.accentColor ?? ""), "accentColor must be a hex colour like #0E7C3A");
  need((manifest.validDomains ?? []).length <= 16, "validDomains may list at most 16 domains");

  const bots = manifest.bots ?? [];
  need(bots.length === 1, "bots must hold exactly one bot");
  for (const bot of bots) {
    need(guid.test(bot.botId ?? ""), "bots[0].botId must be the bot's Microsoft App ID (a GUID)");
    for (const scope of ["team", "personal", "groupChat"])
      need(bot.scopes?.includes(scope) ?? false, `bots[0].scopes must include ${scope}`);
    for (const [i, list] of (bot.commandLists ?? []).entries()) {
      need((list.commands?.length ?? 0) <= 10, `bots[0].commandLists[${i}] may hold at most 10 commands`);
      for (const command of list.commands ?? []) {
        length(command.title, 32, `command "${command.title}" title`);
        length(command.description, 128, `command "${command.title}" description`);
      }
    }
  }
  for (const extension of manifest.composeExtensions ?? []) {
    need(extension.botId === bots[0]?.botId, "composeExtensions[0].botId must be the bot's id (bots[0].botId)");
    need((extension.commands?.length ?? 0) <= 10, "composeExtensions[0] may hold at most 10 commands");
    for (const command of extension.commands ?? []) {
      need(/^.{1,64}$/.test(command.id ?? ""), `message extension command id must be 1 to 64 characters`);
      need(
        command.type === "query" || command.type === "action",
        `command "${command.id}" type must be query or action`,
      );
      length(command.title, 32, `message extension command "${command.id}" title`);
      if (command.description !== undefined)
        length(command.description, 128, `message extension command "${command.id}" description`);
      const parameters = command.parameters ?? [];
      need(parameters.length >= 1 && parameters.length <= 5, `command "${command.id}" needs 1 to 5 parameters`);
      for (const p of parameters) {
        length(p.name, 64, `parameter name of "${command.id}"`);
        length(p.title, 32, `parameter "${p.name}" title`);
        if (p.description !== undefined) length(p.description, 128, `parameter "${p.name}" description`);
      }
    }
  }

  const color = pngSize(icons.color);
  need(color?.width === 192 && color.height === 192, "teams/color.png must be a 192×192 PNG");
  const outline = pngSize(icons.outline);
  need(outline?.width === 32 && outline.height === 32, "teams/outline.png must be a 32×32 PNG");
  // Teams draws the outline icon in its own colours: it must have an alpha channel (colour type 4 or 6).
  need(
    outline?.colorType === 6 || outline?.colorType === 4,
    "teams/outline.png must have a transparent background (RGBA)",
  );
  return problems;
}
