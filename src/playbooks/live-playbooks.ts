import { cachedMatcher } from "../matcher/cached-matcher.ts";
import type { Matcher } from "../matcher/match-result.ts";
import { reloadTemplates } from "../render/card-templates.ts";
import { formatLintReport, type LintProblem } from "./lint-playbooks.ts";
import { lintTemplates } from "./lint-templates.ts";
import { loadPlaybooks } from "./load-playbooks.ts";
import { PlaybookRegistry } from "./playbook-registry.ts";

export type ReloadOutcome =
  | { ok: true; playbooks: number; changed: string[] }
  | { ok: false; problems: LintProblem[]; report: string };

/**
 * The playbook set a running bot serves, replaceable in place. `reload()` reads the folders again and
 * swaps the registry, the matcher and the templates only when everything passes lint; otherwise the set
 * that is serving stays, and the outcome says exactly why. The engine reads `registry` and `matcher`
 * on every turn, so a swap takes effect on the next message, and walkthroughs already under way keep
 * their version through the registry's retired versions.
 */
export class LivePlaybooks {
  #registry: PlaybookRegistry;
  #matcher: Matcher;

  constructor(
    registry: PlaybookRegistry,
    readonly playbooksDir: string,
    readonly templatesDir: string,
    private readonly build: (registry: PlaybookRegistry) => Matcher = (r) => cachedMatcher(r.all()),
  ) {
    this.#registry = registry;
    this.#matcher = this.build(registry);
  }

  get registry(): PlaybookRegistry {
    return this.#registry;
  }

  get matcher(): Matcher {
    return this.#matcher;
  }

  reload(): ReloadOutcome {
    const loaded = loadPlaybooks(this.playbooksDir);
    const templates = lintTemplates(this.templatesDir);
    const problems = [...loaded.problems, ...templates.problems];
    if (problems.length > 0) return { ok: false, problems, report: formatLintReport(problems) };
    // Templates first: if they throw after all, nothing has been swapped yet.
    reloadTemplates(this.templatesDir);
    const next = new PlaybookRegistry(loaded.playbooks, this.#registry);
    const changed = loaded.playbooks
      .filter((p) => this.#registry.get(p.id)?.version !== p.version)
      .map((p) => `${p.id} v${p.version}`);
    const matcher = this.build(next);
    this.#registry = next;
    this.#matcher = matcher;
    return { ok: true, playbooks: loaded.playbooks.length, changed };
  }
}
