import Link from "next/link";

export type FooterLink = { href: string; label: string };

export type SiteFooterProps = {
  portalName?: string;
  /** Defaults to the charter, attestation verification, legal notice, accessibility statement and personal-data pages. */
  links?: FooterLink[];
};

const defaultLinks: FooterLink[] = [
  { href: "/charte", label: "Charte d'accès aux données du ROR" },
  { href: "/verification", label: "Vérifier une attestation" },
  { href: "/statistiques", label: "L'espace de confiance en chiffres" },
  { href: "/mentions-legales", label: "Mentions légales" },
  { href: "/accessibilite", label: "Accessibilité : partiellement conforme" },
  { href: "/donnees-personnelles", label: "Données personnelles" },
];

/** The site footer: a line about the ROR and the ANS, then the legal links. */
export function SiteFooter({ portalName = "Espace de confiance ROR", links = defaultLinks }: SiteFooterProps) {
  return (
    <footer id="pied-de-page" className="mt-16 border-t-2 border-primary bg-white">
      <div className="container-page py-8">
        <div className="flex flex-col gap-6 md:flex-row md:items-start md:justify-between">
          <p className="text-lg font-bold text-grey-950">{portalName}</p>
          <div className="max-w-2xl space-y-2 text-sm text-grey-800">
            <p>
              Le Répertoire national de l&apos;offre et des ressources en santé et accompagnement médico-social (ROR)
              est mis en œuvre par l&apos;Agence du Numérique en Santé (ANS). Ce portail permet aux éditeurs de logiciels de
              demander l&apos;accès aux données du ROR et de suivre leur adhésion à son espace de confiance.
            </p>
            <p>
              <a href="https://esante.gouv.fr" className="font-medium">
                esante.gouv.fr, le site de l&apos;ANS
              </a>
            </p>
          </div>
        </div>
        <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2 border-t border-grey-200 pt-4 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="text-grey-800 hover:text-grey-950">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
