import type { Playbook } from "../playbooks/playbook-schema.ts";

/** Configuration articles set something up; "fixed" means nothing there, so their answers read Done / Stuck. */
export function feedbackLabels(playbook: Playbook): { yes: string; no: string } {
  return playbook.section === "Configure" ? { yes: "Done", no: "Stuck" } : { yes: "Fixed it", no: "Didn't help" };
}
