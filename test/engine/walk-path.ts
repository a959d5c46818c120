import type { NavAction } from "../../src/engine/walkthrough.ts";
import { navigate, startWalkthrough } from "../../src/engine/walkthrough.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";

const who = { id: "U-PATH", name: "Path" };
const at = "2025-03-04T09:00:00.000Z";

/**
 * The moves (Done, or a choice's option label) that lead from the first step to `stepId`, found by a
 * breadth-first search over the pure state machine, so a scripted test can press the same buttons.
 */
export function movesTo(
  playbook: Playbook,
  stepId: string,
): ({ kind: "done" } | { kind: "choose"; label: string; branch: string })[] {
  type Move = { kind: "done" } | { kind: "choose"; label: string; branch: string };
  const queue = [{ w: startWalkthrough(playbook, "w-path", who, at), moves: [] as Move[] }];
  for (let guard = 0; queue.length > 0 && guard < 10_000; guard++) {
    const { w, moves } = queue.shift()!;
    if (w.cursor?.step === stepId) return moves;
    if (!w.cursor) continue;
    const step = [...playbook.troubleshooting, ...playbook.solution, ...playbook.branches.flatMap((b) => b.steps)].find(
      (s) => s.id === w.cursor?.step,
    );
    const options: [NavAction, Move][] = step?.choice
      ? step.choice.options.map((o) => [
          { kind: "choose", branch: o.branch },
          { kind: "choose", label: o.label, branch: o.branch },
        ])
      : [[{ kind: "done" }, { kind: "done" }]];
    for (const [action, move] of options) {
      queue.push({ w: navigate(playbook, w, action, who, at).walkthrough, moves: [...moves, move] });
    }
  }
  throw new Error(`step "${stepId}" is not reachable in ${playbook.id}`);
}
