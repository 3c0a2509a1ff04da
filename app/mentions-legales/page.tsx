import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";

export const metadata: Metadata = {
  title: { absolute: "Mentions légales – Espace de confiance ROR" },
  description: "Mentions légales du portail d'adhésion à l'espace de confiance du ROR.",
};

export default function LegalNoticePage() {
  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Mentions légales" }]} />
      <PageHeading title="Mentions légales" />

      <div className="prose-page">
        <section aria-labelledby="editeur">
          <h2 id="editeur">Éditeur du portail</h2>
          <p>
            Le portail « Espace de confiance ROR » est édité par l&apos;Agence du Numérique en Santé (ANS), groupement
            d&apos;intérêt public.
          </p>
          <p>
            Adresse : 2-10 rue d&apos;Oradour-sur-Glane, 75015 Paris
            <br />
            Directeur ou directrice de la publication : [à compléter par l&apos;ANS]
            <br />
            Contact : [adresse de contact à compléter par l&apos;ANS]
          </p>
        </section>

        <section aria-labelledby="hebergement">
          <h2 id="hebergement">Hébergement</h2>
          <p>Hébergeur : [nom, adresse et téléphone de l&apos;hébergeur à compléter par l&apos;ANS]</p>
        </section>

        <section aria-labelledby="objet">
          <h2 id="objet">Objet du portail</h2>
          <p>
            Ce portail permet aux éditeurs de logiciels de demander l&apos;adhésion de leurs services numériques à
            l&apos;espace de confiance du Répertoire national de l&apos;offre et des ressources en santé et
            accompagnement médico-social (ROR), et à l&apos;ANS d&apos;instruire ces demandes. Les conditions
            d&apos;accès aux données sont fixées par la <Link href="/charte">charte d&apos;accès aux données du ROR</Link>.
          </p>
        </section>

        <section aria-labelledby="propriete">
          <h2 id="propriete">Propriété intellectuelle</h2>
          <p>
            Sauf mention contraire, les contenus de ce portail sont la propriété de l&apos;ANS. Leur reproduction est
            autorisée à condition d&apos;en citer la source. Les documents déposés par les éditeurs et leurs clients
            restent sous leur responsabilité.
          </p>
        </section>

        <section aria-labelledby="responsabilite">
          <h2 id="responsabilite">Responsabilité</h2>
          <p>
            L&apos;ANS s&apos;efforce d&apos;assurer l&apos;exactitude des informations publiées sur ce portail. Seul
            le texte signé et versionné de la charte fait foi pour les conditions d&apos;accès aux données du ROR.
          </p>
        </section>

        <section aria-labelledby="donnees">
          <h2 id="donnees">Données personnelles et accessibilité</h2>
          <ul>
            <li>
              <Link href="/donnees-personnelles">Données personnelles</Link>
            </li>
            <li>
              <Link href="/accessibilite">Déclaration d&apos;accessibilité</Link>
            </li>
          </ul>
        </section>
      </div>
    </Container>
  );
}
