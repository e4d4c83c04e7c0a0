// Builds the web UI into src/newsweave/server/static/ (served by `newsweave serve`; not committed).
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "newsweave", "server", "static");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  outfile: join(out, "app.js"),
  loader: { ".json": "json" },
  legalComments: "linked",
  logLevel: "warning",
});
for (const name of ["index.html", "style.css", "favicon.svg"]) cpSync(join(here, "src", name), join(out, name));
// Swagger UI for the API docs at /docs, from its npm package (no CDN).
const swagger = join(here, "node_modules", "swagger-ui-dist");
if (existsSync(swagger)) {
  mkdirSync(join(out, "swagger"), { recursive: true });
  for (const name of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) cpSync(join(swagger, name), join(out, "swagger", name));
}
console.log(`built ${out}`);
