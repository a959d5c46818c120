// Test-only preload (`node --import=<this file>`): appends the path of every module the process loads to
// the file named by CPBOT_TEST_MODULES_FILE, one a line: ES modules through a load hook (which runs on
// the loader's own thread, hence the file rather than a variable), CommonJS through Module._load. Tests
// read it to check which code a command loads, not how long loading took. Plain JavaScript because Node
// 20 cannot load TypeScript before the program starts.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
import { isAbsolute } from "node:path";

const file = process.env.CPBOT_TEST_MODULES_FILE;
if (!file) throw new Error("record-loaded-modules: set CPBOT_TEST_MODULES_FILE to the file to append to");

const hooks = `
import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
export async function load(url, context, next) {
  if (url.startsWith("file:")) appendFileSync(${JSON.stringify(file)}, fileURLToPath(url) + "\\n");
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const load = Module._load;
Module._load = function (request, parent, isMain, ...rest) {
  try {
    const resolved = Module._resolveFilename(request, parent, isMain);
    if (isAbsolute(resolved) && !Module._cache[resolved]) appendFileSync(file, `${resolved}\n`);
  } catch {
    // Not resolvable: Module._load itself throws the error the program expects.
  }
  return load.call(this, request, parent, isMain, ...rest);
};
