/** A trigger phrase to add to one playbook file. */
export interface TriggerAddition {
  playbook: string;
  phrase: string;
}

export interface PlaybookFile {
  /** Path as the patch names it, relative to the repository root ("playbooks/rfid-reader.yaml"). */
  path: string;
  content: string;
}

/**
 * A unified diff that appends each phrase to its playbook's `triggers.phrases` list, for `git apply` or
 * review in a pull request. Only insertions, so each file is one hunk after the last phrase.
 */
export function triggerPatch(files: readonly PlaybookFile[], additions: readonly TriggerAddition[]): string {
  const out: string[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const phrases = additions.filter((a) => file.path.endsWith(`/${a.playbook}.yaml`)).map((a) => a.phrase);
    if (phrases.length === 0) continue;
    const lines = file.content.split("\n");
    const last = lastPhraseLine(lines);
    if (last === undefined) throw new Error(`${file.path} has no triggers.phrases list to add to.`);
    const indent = /^(\s*)-/.exec(lines[last]!)?.[1] ?? "    ";
    const added = phrases.map((p) => `${indent}- ${yamlScalar(p)}`);
    const start = Math.max(0, last - 2);
    const end = Math.min(lines.length - (lines.at(-1) === "" ? 1 : 0), last + 4);
    const before = lines.slice(start, last + 1);
    const after = lines.slice(last + 1, end);
    out.push(`--- a/${file.path}`, `+++ b/${file.path}`);
    out.push(
      `@@ -${start + 1},${before.length + after.length} +${start + 1},${before.length + added.length + after.length} @@`,
    );
    out.push(...before.map((l) => ` ${l}`), ...added.map((l) => `+${l}`), ...after.map((l) => ` ${l}`));
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

/** The index of the last `- phrase` line under `triggers:` → `phrases:`. */
function lastPhraseLine(lines: readonly string[]): number | undefined {
  const triggers = lines.findIndex((l) => /^triggers:\s*$/.test(l));
  if (triggers < 0) return undefined;
  const phrases = lines.findIndex((l, i) => i > triggers && /^\s+phrases:\s*$/.test(l));
  if (phrases < 0) return undefined;
  let last: number | undefined;
  for (let i = phrases + 1; i < lines.length && /^\s+-\s/.test(lines[i]!); i++) last = i;
  return last;
}

/** Plain words stay plain; anything YAML could read otherwise is double-quoted through JSON. */
function yamlScalar(text: string): string {
  return /^[a-z0-9][a-z0-9 ]*$/.test(text) ? text : JSON.stringify(text);
}
