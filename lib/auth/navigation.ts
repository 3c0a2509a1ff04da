import { can, type Actor } from "./permissions";

export type NavigationItem = { href: string; label: string };

/** The main navigation depends on who is signed in (pure). */
export function navigationFor(actor: Actor | null): NavigationItem[] {
  const items: NavigationItem[] = [{ href: "/", label: "Accueil" }];
  if (can(actor, { type: "editorSpace.view" })) items.push({ href: "/editeur", label: "Espace éditeur" });
  if (can(actor, { type: "ansSpace.view" })) items.push({ href: "/instruction", label: "Instruction des dossiers" });
  if (can(actor, { type: "users.manage" })) items.push({ href: "/administration", label: "Administration" });
  items.push({ href: "/charte", label: "Charte d'accès" });
  return items;
}

export function isCurrent(href: string, pathname: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
