// Pure: the route a path belongs to ("/editeur/services/[serviceId]"), the only form of a path the logs and metrics
// hold: real paths carry tokens (/signature/<token>, /invitation/<token>) and ids without bound (ADR 0025).

export const UNMATCHED_ROUTE = "(aucune)";

type Segment = { kind: "static"; value: string } | { kind: "dynamic" } | { kind: "catchAll"; optional: boolean };

function parse(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter((s) => s !== "")
    .map((s): Segment => {
      if (/^\[\[\.\.\.[^\]]+\]\]$/.test(s)) return { kind: "catchAll", optional: true };
      if (/^\[\.\.\.[^\]]+\]$/.test(s)) return { kind: "catchAll", optional: false };
      if (/^\[[^\]]+\]$/.test(s)) return { kind: "dynamic" };
      return { kind: "static", value: s };
    });
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catchAll") return segment.optional || parts.length > i;
    const part = parts[i];
    if (part === undefined) return false;
    if (segment.kind === "static" && segment.value !== part) return false;
  }
  return parts.length === segments.length;
}

/** Static segments before dynamic ones before catch-alls, position by position (Next's own precedence). */
function rank(segments: Segment[]): string {
  return segments.map((s) => (s.kind === "static" ? "0" : s.kind === "dynamic" ? "1" : "2")).join("") + "3";
}

/**
 * A function from a URL path to its route among `patterns` (Next's app routes, e.g. from app-path-routes-manifest),
 * or UNMATCHED_ROUTE. Next's own files are one route each ("/_next/static", "/_next/image"), and `publicFiles`
 * (paths under public/) are their own route.
 */
export function routeMatcher(patterns: readonly string[], publicFiles: readonly string[] = []): (pathname: string) => string {
  const compiled = [...new Set(patterns)]
    .map((pattern) => ({ pattern, segments: parse(pattern) }))
    .sort((a, b) => (rank(a.segments) < rank(b.segments) ? -1 : rank(a.segments) > rank(b.segments) ? 1 : 0));
  const files = new Set(publicFiles);
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/image")) return "/_next/image";
    if (files.has(pathname)) return pathname;
    let parts: string[];
    try {
      parts = pathname.split("/").filter((s) => s !== "").map((s) => decodeURIComponent(s));
    } catch {
      return UNMATCHED_ROUTE;
    }
    const found = compiled.find(({ segments }) => matches(segments, parts));
    return found ? found.pattern : UNMATCHED_ROUTE;
  };
}
