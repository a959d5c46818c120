export interface AutoOtaRule {
  ruleName: string;
  newVersion?: string;
}

const version = /^\d+(?:\.\d+){2,}\S*$/;

/**
 * The GA rules in pasted Auto-OTA rows. A rule name may hold spaces ("CT4K Macaw GA") and the row may be
 * tab- or space-separated, so the name runs up to the word GA (guide, Firmware Upgrade step 7: "the Rule
 * Name ends with GA"). With a tab-separated header the New Version column is read by position.
 */
export function gaRules(text: string): AutoOtaRule[] {
  let versionColumn = -1;
  const rules: AutoOtaRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*rule\s*name\b/i.test(line)) {
      versionColumn = line.split("\t").findIndex((c) => /new\s*version/i.test(c));
      continue;
    }
    const match = /^\s*(.+?\bGA)(?=\s|$)(.*)$/i.exec(line);
    if (!match) continue;
    const cells = line.split("\t");
    const fromColumn = versionColumn >= 0 && cells.length > versionColumn ? cells[versionColumn]!.trim() : undefined;
    const newVersion = fromColumn || match[2]!.split(/\s+/).find((t) => version.test(t));
    rules.push({ ruleName: match[1]!.trim(), ...(newVersion ? { newVersion } : {}) });
  }
  return rules;
}
