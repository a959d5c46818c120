import { type FSWatcher, watch } from "node:fs";
import type { Logger } from "../../src/core/logger.ts";
import type { LivePlaybooks, ReloadOutcome } from "../../src/playbooks/live-playbooks.ts";

/** Editors save in bursts (write, rename, chmod): wait for the folder to settle before reloading. */
const settleMs = 300;

/**
 * Watches the playbooks and templates folders of a running server and reloads the set when a file
 * changes. A set that passes lint replaces the one serving; one that fails is refused and the log says
 * exactly why, while the old set keeps answering. Returns a function that stops watching.
 */
export function watchPlaybooks(
  live: LivePlaybooks,
  logger: Logger,
  onReload?: (outcome: ReloadOutcome) => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    const outcome = live.reload();
    if (outcome.ok) {
      logger.info("playbooks reloaded", { playbooks: outcome.playbooks, changed: outcome.changed });
    } else {
      logger.error("playbooks not reloaded: the change fails lint, so the previous set keeps serving", {
        problems: outcome.problems.length,
        report: outcome.report,
      });
    }
    onReload?.(outcome);
  };
  const changed = (_event: string, file: string | Buffer | null) => {
    const name = String(file ?? "");
    if (name && !/\.(ya?ml|hbs)$/.test(name)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  };
  const watchers: FSWatcher[] = [live.playbooksDir, live.templatesDir].map((dir) => watch(dir, changed));
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
