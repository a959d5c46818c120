import type { PlaybookRegistry } from "../playbooks/playbook-registry.ts";
import type { CommandContext } from "./command-parser.ts";
import { cpToolWords } from "./step-tools.ts";

/** What the /cp parser must know to name accepted ids, codes and tool words, from the loaded playbooks. */
export function commandContext(registry: PlaybookRegistry): CommandContext {
  return {
    playbookIds: registry.ids(),
    faultCodes: registry.faultCodes().map((f) => ({ code: f.code, playbook: f.playbook.id, aliases: f.aliases })),
    toolWords: cpToolWords(),
  };
}
