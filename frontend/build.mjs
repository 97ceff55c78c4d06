/** Build the one bundle the integration serves; `--check` fails when the committed one differs. */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outfile = resolve(here, "../custom_components/audit_trail/frontend/audit-trail.js");
const check = process.argv.includes("--check");
const BUDGET = 150 * 1024;

const result = await build({
  absWorkingDir: here,
  entryPoints: ["src/index.ts"],
  bundle: true,
  format: "esm",
  target: "es2021",
  minify: true,
  // No comments, source maps or paths: the same sources always give the same bytes.
  legalComments: "none",
  sourcemap: false,
  charset: "utf8",
  write: false,
  outfile,
  logLevel: "warning",
});
const bytes = result.outputFiles[0].contents;
let committed = null;
try {
  committed = readFileSync(outfile);
} catch {
  committed = null;
}
const same = committed !== null && Buffer.compare(Buffer.from(bytes), committed) === 0;
const kb = (bytes.length / 1024).toFixed(1);
if (check) {
  if (!same) {
    console.error(`audit-trail.js differs from a fresh build (${kb} KB): run npm run build and commit it`);
    process.exit(1);
  }
  console.log(`audit-trail.js matches a fresh build (${kb} KB)`);
} else {
  const { writeFileSync, mkdirSync } = await import("node:fs");
  mkdirSync(dirname(outfile), { recursive: true });
  if (!same) writeFileSync(outfile, bytes);
  console.log(`audit-trail.js ${kb} KB (budget ${BUDGET / 1024} KB)${same ? ", unchanged" : ""}`);
}
if (bytes.length > BUDGET) {
  console.error(`audit-trail.js is over its ${BUDGET / 1024} KB budget`);
  process.exit(1);
}
