// The pages `next build` prerendered, and the hashes of each one's inline scripts: their content is fixed at build
// time, so no per-request nonce can reach them; the Content-Security-Policy of their responses lists these hashes
// instead (ADR 0024). Read from the build output once per page, on its first request.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inlineScriptHashes } from "../security/content-security-policy";

export type PrerenderedPages = { scriptHashesFor(pathname: string): readonly string[] };

export const NO_PRERENDERED_PAGES: PrerenderedPages = { scriptHashesFor: () => [] };

type PrerenderManifest = { routes?: Record<string, { routeType?: string; dataRoute?: string | null }> };

/** `distDir`: the build's `.next`. */
export function prerenderedPages(distDir: string): PrerenderedPages {
  const manifestPath = path.join(distDir, "prerender-manifest.json");
  if (!existsSync(manifestPath)) return NO_PRERENDERED_PAGES;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as PrerenderManifest;
  const pages = new Set(Object.entries(manifest.routes ?? {}).filter(([, r]) => r.routeType === "page" || (r.routeType === undefined && r.dataRoute)).map(([route]) => route));
  const hashes = new Map<string, readonly string[]>();
  return {
    scriptHashesFor(pathname) {
      const route = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
      if (!pages.has(route)) return [];
      let found = hashes.get(route);
      if (!found) {
        const file = path.join(distDir, "server", "app", `${route === "/" ? "/index" : route}.html`);
        found = existsSync(file) ? inlineScriptHashes(readFileSync(file, "utf8")) : [];
        hashes.set(route, found);
      }
      return found;
    },
  };
}
