import { BotError } from "../core/bot-error.ts";
import { defaultPlaybooksDir } from "../core/paths.ts";
import { formatLintReport, normaliseFaultCode } from "./lint-playbooks.ts";
import { loadPlaybooksCached } from "./load-playbooks-cached.ts";
import type { Playbook } from "./playbook-schema.ts";

export interface FaultCodeEntry {
  code: string;
  name: string;
  aliases: string[];
  playbook: Playbook;
}

/**
 * The validated playbooks, indexed the ways the bot asks for them. Immutable once built. A registry built
 * to replace another (a hot reload) keeps the versions it retires, so a walkthrough started on version 2
 * finishes on version 2 even after version 3 is serving new questions.
 */
export class PlaybookRegistry {
  readonly #playbooks: readonly Playbook[];
  readonly #byId = new Map<string, Playbook>();
  readonly #retired = new Map<string, Playbook>();
  readonly #faultCodes: FaultCodeEntry[] = [];
  readonly #byCode = new Map<string, FaultCodeEntry>();

  constructor(playbooks: readonly Playbook[], previous?: PlaybookRegistry) {
    this.#playbooks = [...playbooks];
    if (previous) {
      for (const [key, playbook] of previous.#retired) this.#retired.set(key, playbook);
      for (const playbook of previous.#playbooks) this.#retired.set(`${playbook.id}@${playbook.version}`, playbook);
    }
    for (const playbook of playbooks) {
      this.#byId.set(playbook.id, playbook);
      for (const fc of playbook.errorLogs?.faultCodes ?? []) {
        const entry = { code: fc.code, name: fc.name, aliases: fc.aliases ?? [], playbook };
        this.#faultCodes.push(entry);
        // Lint guarantees a code or alias has one owner; the first one wins if an unlinted list is passed.
        for (const key of [fc.code, ...entry.aliases].map(normaliseFaultCode)) {
          if (!this.#byCode.has(key)) this.#byCode.set(key, entry);
        }
      }
    }
  }

  all(): readonly Playbook[] {
    return this.#playbooks;
  }

  /** The playbook with this id; with `version`, that version if it is current or was retired by a reload. */
  get(id: string, version?: number): Playbook | undefined {
    const current = this.#byId.get(id);
    if (version === undefined || current?.version === version) return current;
    return this.#retired.get(`${id}@${version}`) ?? current;
  }

  ids(): string[] {
    return this.#playbooks.map((p) => p.id);
  }

  bySection(): { Configure: Playbook[]; Diagnose: Playbook[] } {
    return {
      Configure: this.#playbooks.filter((p) => p.section === "Configure"),
      Diagnose: this.#playbooks.filter((p) => p.section === "Diagnose"),
    };
  }

  faultCodes(): FaultCodeEntry[] {
    return [...this.#faultCodes];
  }

  /** "303-RSC", "303rsc", "303 rsc" and an alias such as "RSC" all find the same fault. */
  byFaultCode(codeOrAlias: string): FaultCodeEntry | undefined {
    return this.#byCode.get(normaliseFaultCode(codeOrAlias));
  }
}

/** Loads and lints the playbooks; a bot must not start with a broken one, so any problem throws the report. */
export function loadRegistry(dir: string = defaultPlaybooksDir): PlaybookRegistry {
  const { playbooks, problems } = loadPlaybooksCached(dir);
  if (problems.length > 0) {
    throw new BotError(
      `The playbooks have problems; fix them and start again.\n\n${formatLintReport(problems)}`,
      "playbooks_invalid",
    );
  }
  return new PlaybookRegistry(playbooks);
}
