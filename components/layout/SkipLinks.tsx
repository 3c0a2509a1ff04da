export type SkipLink = { href: string; label: string };

export type SkipLinksProps = {
  /** Defaults to a single link to the main content (#contenu). */
  links?: SkipLink[];
};

const defaultLinks: SkipLink[] = [{ href: "#contenu", label: "Aller au contenu" }];

/**
 * Quick-access links, first in the page: hidden until they receive keyboard focus,
 * then shown in a band at the top of the page.
 */
export function SkipLinks({ links = defaultLinks }: SkipLinksProps) {
  return (
    <nav aria-label="Accès rapide" className="bg-grey-100">
      <ul className="container-page flex flex-wrap gap-x-6">
        {links.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              className="sr-only font-medium focus:not-sr-only focus:my-3 focus:inline-block focus:px-1"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
