import { can, type Actor } from "./permissions";

/** `count`: how many dossiers have something new for the person (ADR 0035), shown next to the entry. */
export type NavigationItem = { href: string; label: string; count?: { value: string; label: string } };

/** "3", "99+", and what a screen reader says of it. */
function unreadBadge(unread: number): NavigationItem["count"] {
  if (unread <= 0) return undefined;
  const value = unread > 99 ? "99+" : String(unread);
  return { value, label: unread > 99 ? "plus de 99 dossiers avec du nouveau" : `${unread} dossier${unread > 1 ? "s" : ""} avec du nouveau` };
}

/** The main navigation depends on who is signed in (pure); `unread` counts their dossiers with something new. */
export function navigationFor(actor: Actor | null, unread = 0): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/", label: "Accueil" }];
  const reviewer = can(actor, { type: "ansSpace.view" });
  if (can(actor, { type: "editorSpace.view" })) {
    items.push({ href: "/editeur", label: "Espace éditeur" });
    items.push({ href: "/editeur/dossiers", label: "Dossiers d'adhésion", count: reviewer ? undefined : unreadBadge(unread) });
    items.push({ href: "/editeur/liste-blanche", label: "Liste blanche" });
  }
  if (reviewer) items.push({ href: "/instruction", label: "Instruction des dossiers", count: unreadBadge(unread) });
  if (can(actor, { type: "whitelist.view" })) items.push({ href: "/instruction/liste-blanche", label: "Liste blanche" });
  if (can(actor, { type: "users.manage" })) items.push({ href: "/administration", label: "Administration" });
  items.push({ href: "/charte", label: "Charte d'accès" });
  return items;
}

function within(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Is `href` the current entry? When another entry is more specific (a sub-section), that one is current instead. */
export function isCurrent(href: string, pathname: string, others: readonly string[] = []): boolean {
  return within(href, pathname) && !others.some((other) => other.length > href.length && other.startsWith(href) && within(other, pathname));
}

/**
 * Pages reached through a personal link (a client's signature, an invitation), by people who may have no account
 * and need none: their header shows the portal's name only, no navigation and no "create an account".
 */
export const TOKEN_PAGE_PREFIXES = ["/signature/", "/invitation/"] as const;

export function isTokenPage(pathname: string): boolean {
  return TOKEN_PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
