const lowerId = /^[a-z0-9-]*$/;
const upperId = /^[A-Z0-9-]*$/;

/**
 * `a.localeCompare(b)`, without asking ICU when both are plain ids of one case ("relay-stuck-closed",
 * "303-RSC"): for those, code-unit order is the collation order (hyphen, then digits, then letters, and no
 * two differ only by case). The first `localeCompare` of a process loads ICU's collation data, 5 to 60 ms,
 * and the matcher's build sorted playbook ids and fault codes that way at every start of `cpbot ask`.
 * Anything else (an id with other letters, or lower against upper case) still goes to `localeCompare`.
 */
export function compareIds(a: string, b: string): number {
  if ((lowerId.test(a) && lowerId.test(b)) || (upperId.test(a) && upperId.test(b))) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
