import { fileURLToPath } from "node:url";

/** The package root, so the bot finds its playbooks and templates from any working directory. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
export const defaultPlaybooksDir = fileURLToPath(new URL("../../playbooks/", import.meta.url));
export const defaultTemplatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));
