#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through "prepare"): compiles src/ and adapters/ to plain JavaScript
// in dist/ with esbuild, one output file per source file, so `cpbot` starts without compiling TypeScript.
// esbuild only strips types (a fraction of a second); `npm run typecheck` is what checks them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.resolve(root, process.argv[2] ?? "dist");
const entry = path.join(outdir, "adapters", "cli", "main.js");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // A production install (npm ci --omit=dev) has no esbuild; the dist/ it was given is what runs.
  if (existsSync(entry)) {
    console.log("cpbot build: esbuild is not installed (production install); keeping the existing dist/.");
    process.exit(0);
  }
  console.error("cpbot build: esbuild is not installed and dist/ is missing: run `npm ci` (with dev dependencies).");
  process.exit(1);
}

function dataFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return dataFiles(file);
    return name.endsWith(".txt") ? [file] : [];
  });
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /(?<!\.d)\.ts$/.test(name) ? [file] : [];
  });
}

// Packages of many small modules that every command loads are bundled into one file each in dist/vendor:
// Node pays for each ES module or CommonJS file it resolves, reads and compiles, and zod (about 95 files)
// and prom-client with @opentelemetry/api (about 85) cost `cpbot serve` and `cpbot ask` more to load than
// the code they run at start. The bundles hold the versions package-lock.json installed; from source
// (tests, CPBOT_FROM_SOURCE=1) the packages load from node_modules as usual.
const require = createRequire(import.meta.url);
const vendored = {
  zod: { entry: 'export * from "zod";\n' },
  // prom-client is CommonJS: its names are listed so the bundle can export them, and its require() of
  // Node's own modules works through createRequire.
  "prom-client": {
    entry: `export { ${Object.keys(require("prom-client"))
      .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default")
      .join(", ")} } from "prom-client";\n`,
    banner:
      'import { createRequire as __vendorRequire } from "node:module"; const require = __vendorRequire(import.meta.url);',
  },
};
const vendorFile = (name) => path.join(outdir, "vendor", `${name}.js`);
// The Handlebars runtime is required by path (src/render/card-templates.ts), not imported, so it is bundled
// as CommonJS and loaded from dist/vendor when the file is there.
const requiredVendored = { "handlebars-runtime": 'module.exports = require("handlebars/runtime");\n' };

// Each file is compiled on its own: relative imports stay imports (".ts" becomes ".js") and packages stay
// external (the vendored ones point at their bundle), so dist/ mirrors the source tree and dynamic
// imports still load heavy modules only when used.
const keepImports = {
  name: "keep-imports",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (Object.hasOwn(vendored, args.path)) {
        const from = path.dirname(path.join(outdir, path.relative(root, args.importer)));
        const to = path.relative(from, vendorFile(args.path)).split(path.sep).join("/");
        return { path: to.startsWith(".") ? to : `./${to}`, external: true };
      }
      if (!args.path.startsWith(".")) return { path: args.path, external: true };
      return { path: args.path.replace(/\.ts$/, ".js"), external: true };
    });
  },
};

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
for (const [name, { entry, banner }] of Object.entries(vendored)) {
  await esbuild.build({
    stdin: { contents: entry, resolveDir: root, sourcefile: `vendor-${name}.js` },
    outfile: vendorFile(name),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    ...(banner ? { banner: { js: banner } } : {}),
    logLevel: "warning",
  });
}
for (const [name, contents] of Object.entries(requiredVendored)) {
  await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: `vendor-${name}.cjs` },
    outfile: path.join(outdir, "vendor", `${name}.cjs`),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
}
const entryPoints = ["src", "adapters"].flatMap((dir) => sources(path.join(root, dir)));
await esbuild.build({
  entryPoints,
  outdir,
  outbase: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [keepImports],
  logLevel: "warning",
});
// Data files a module reads beside itself (the matcher's English word list, read at first use rather than
// compiled into the code at every start) go to the same place in dist/, where the bundle looks for them too.
for (const dir of ["src", "adapters"]) {
  for (const file of dataFiles(path.join(root, dir))) {
    const to = path.join(outdir, path.relative(root, file));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(file, to);
  }
}

// The command line as one bundle with split points (dist/bundle): Node resolves, reads, compiles and links
// every ES module separately, and `cpbot ask` loaded about 220 of ours. esbuild joins them into an entry
// and shared chunks; each command and every dynamic import stays a split point, so `ask` loads neither
// the HTTP server nor botbuilder, and `serve` loads Teams or the console only when they are used. The
// per-file tree above stays: the build's own cache steps import it, and `node dist/adapters/cli/main.js`
// still runs. Code that finds files from `import.meta.url` (the build cache, the project root, the
// matcher's code hash) gets the URL its per-file copy has, so both find the same files.
const bundleDir = path.join(outdir, "bundle");
const commandFiles = readdirSync(path.join(root, "adapters", "cli", "commands"))
  .filter((name) => /(?<!\.d)\.ts$/.test(name))
  .sort();
const bundleEntry = [
  `import { runCommandLine as run } from ${JSON.stringify(path.join(root, "adapters", "cli", "main.ts"))};`,
  "const commands = {",
  ...commandFiles.map(
    (name) =>
      `  ${JSON.stringify(name.replace(/\.ts$/, ".js"))}: () => import(${JSON.stringify(path.join(root, "adapters", "cli", "commands", name))}),`,
  ),
  "};",
  "export const runCommandLine = (argv) => run(argv, (file) => {",
  "  const load = Object.hasOwn(commands, file) ? commands[file] : undefined;",
  '  if (!load) throw new Error("the command file " + file + " is not in this build: run npm run build");',
  "  return load();",
  "});",
  "// `node dist/bundle/cli.js …` works like `cpbot …` (a container's CMD, a process manager).",
  'import { realpathSync } from "node:fs";',
  'import { pathToFileURL } from "node:url";',
  "if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {",
  "  process.exitCode = await runCommandLine(process.argv.slice(2));",
  "}",
  "",
].join("\n");
const bundleImports = {
  name: "bundle-imports",
  setup(build) {
    build.onResolve({ filter: /^cpbot-cli$/ }, () => ({ path: "cpbot-cli", namespace: "cpbot" }));
    build.onLoad({ filter: /.*/, namespace: "cpbot" }, () => ({
      contents: bundleEntry,
      resolveDir: root,
      loader: "js",
    }));
    build.onResolve({ filter: /.*/ }, (args) => {
      if (Object.hasOwn(vendored, args.path)) {
        return { path: path.relative(bundleDir, vendorFile(args.path)).split(path.sep).join("/"), external: true };
      }
      if (args.path.startsWith(".") || path.isAbsolute(args.path) || args.path.startsWith("node:")) return undefined;
      return { path: args.path, external: true };
    });
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const compiled = path.join(outdir, path.relative(root, args.path)).replace(/\.ts$/, ".js");
      const relative = path.relative(bundleDir, compiled).split(path.sep).join("/");
      return {
        contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: "ts",
      };
    });
  },
};
await esbuild.build({
  entryPoints: { cli: "cpbot-cli" },
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  chunkNames: "[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  // Beside each file, not inline: Node reads a map only when started with --enable-source-maps, so a
  // stack trace can name src/… lines when an operator asks for it, and a plain start pays nothing.
  sourcemap: "linked",
  plugins: [bundleImports],
  logLevel: "warning",
});

// The command manifest: `cpbot --help` and the choice of command read it instead of importing every
// command module (and with them the matcher, the playbooks and every tool).
const { discoverCommands } = await import(path.join(outdir, "adapters", "cli", "main.js"));
const commands = (await discoverCommands()).map(({ name, summary, usage, file }) => ({ name, summary, usage, file }));
writeFileSync(path.join(outdir, "adapters", "cli", "commands.json"), `${JSON.stringify(commands, null, 2)}\n`);
// The build cache (dist/cache): the playbooks as validated JSON and the matcher's trained weights, so a
// start with these playbooks neither parses YAML nor trains. A playbook edited later gets its own entry
// at its first start; broken playbooks are left to `cpbot lint` and the start-up check.
try {
  const { loadRegistry } = await import(path.join(outdir, "src", "playbooks", "playbook-registry.js"));
  const { cachedMatcher } = await import(path.join(outdir, "src", "matcher", "cached-matcher.js"));
  const playbooks = loadRegistry().all();
  cachedMatcher(playbooks).warmUp();
  console.log(`cpbot build: cached ${playbooks.length} playbooks and the trained matcher in dist/cache`);
} catch (error) {
  console.log(`cpbot build: playbooks not cached (${error.message.split("\n")[0]}); they load in full at start`);
}
// The card templates, precompiled: a start with unchanged templates runs them on the Handlebars runtime
// without loading the compiler. Broken templates are left to `cpbot lint` and the start-up check.
try {
  const { loadTemplates } = await import(path.join(outdir, "src", "render", "card-templates.js"));
  console.log(`cpbot build: cached ${loadTemplates().size} precompiled card templates in dist/cache`);
} catch (error) {
  console.log(`cpbot build: templates not cached (${error.message.split("\n")[0]}); they compile at start`);
}
// The web console's browser bundles (adapters/console/client) go beside the compiled server.
const { writeConsoleAssets } = await import(path.join(outdir, "adapters", "console", "build-console-assets.js"));
const assets = await writeConsoleAssets(path.join(outdir, "console-assets"));
console.log(`cpbot build: console assets ${assets.join(", ")}`);
console.log(
  `cpbot build: ${entryPoints.length} files and ${commands.length} commands to ${path.relative(root, outdir) || "."} in ${Date.now() - started} ms`,
);
