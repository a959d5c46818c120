import { setFlagsFromString } from "node:v8";

/**
 * The growth factor once the server has started (V8's default is 2). V8 grows the young generation only
 * after as many bytes as it holds have survived its minor collections, and a request leaves few
 * survivors: doubling from 1 MiB, `cpbot serve` under `/cp` load still had 2–8 MiB semi-spaces after
 * 8 s and spent 6–14% of its busy time in minor collections. With 16 the first growth goes straight to
 * V8's maximum of 16 MiB (growth is capped there); an idle server never grows, so its memory is as held.
 */
const releasedGrowthFactor = 16;

/**
 * Keeps V8's young generation at its starting size while a server starts; call the returned function
 * once it listens. V8 doubles the young generation (its semi-spaces go 1 → 2 → … 16 MiB) each time
 * enough objects have survived its minor collections, and starting `cpbot serve` is one long burst of
 * objects that survive: about 600 modules, the playbooks, the matcher. The young generation grown for
 * that burst is never given back, so an idle server held 16 to 30 MiB it does not use (a full
 * collection does not shrink it). Once released, the first requests that leave survivors grow it.
 *
 * `--max-semi-space-size` would cap it for good and cannot be set after Node starts; the growth factor
 * is read at each growth, so it can. Someone who sets their own semi-space flags keeps them untouched.
 */
export function holdYoungGeneration(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? "",
  setFlags: (flags: string) => void = setFlagsFromString,
): () => void {
  if ([...execArgv, nodeOptions].some((arg) => /semi[-_]space/.test(arg))) return () => {};
  try {
    setFlags("--semi-space-growth-factor=1");
  } catch {
    return () => {};
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setFlags(`--semi-space-growth-factor=${releasedGrowthFactor}`);
  };
}
