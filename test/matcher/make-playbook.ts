import { type Playbook, PlaybookSchema } from "../../src/playbooks/playbook-schema.ts";

/** A minimal valid playbook for tests that need a catalogue they control. */
export function makePlaybook(
  id: string,
  phrases: string[],
  extra: {
    keywords?: string[];
    title?: string;
    faultCodes?: { code: string; name: string; aliases?: string[] }[];
  } = {},
): Playbook {
  return PlaybookSchema.parse({
    id,
    version: 1,
    title: extra.title ?? id.replace(/-/g, " "),
    article: extra.title ?? id,
    section: "Diagnose",
    summary: `Test playbook ${id}.`,
    ...(extra.faultCodes ? { errorLogs: { faultCodes: extra.faultCodes } } : {}),
    solution: [{ id: "do-it", text: "Do the thing." }],
    escalation: { when: ["It does not work."] },
    triggers: { phrases, keywords: extra.keywords ?? [] },
  });
}
