import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";

export const metadata: Metadata = {
  title: { absolute: "Données personnelles – Espace de confiance ROR" },
  description:
    "Les données personnelles traitées par le portail d'adhésion à l'espace de confiance du ROR, leurs finalités et vos droits.",
};

export default function PersonalDataPage() {
  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Données personnelles" }]} />
      <PageHeading
        title="Données personnelles"
        lead="Ce portail traite un nombre limité de données personnelles, nécessaires à l'instruction des demandes d'adhésion à l'espace de confiance du ROR."
      />

      <div className="prose-page">
        <section aria-labelledby="responsable">
          <h2 id="responsable">Responsable du traitement</h2>
          <p>
            Le responsable du traitement est l&apos;Agence du Numérique en Santé (ANS), 2-10 rue
            d&apos;Oradour-sur-Glane, 75015 Paris.
          </p>
        </section>

        <section aria-labelledby="donnees">
          <h2 id="donnees">Données traitées</h2>
          <ul>
            <li>
              <strong>Votre compte</strong> : nom, prénom, adresse électronique professionnelle, fonction,
              organisation de rattachement et rôle ; votre mot de passe n&apos;est conservé que sous une forme chiffrée
              irréversible (empreinte).
            </li>
            <li>
              <strong>Le journal des événements</strong> : pour chaque action importante (connexion, dépôt d&apos;une
              pièce, décision…), son auteur, sa date et son heure, l&apos;adresse IP d&apos;origine et les
              modifications apportées.
            </li>
            <li>
              <strong>Les signatures</strong> : pour chaque attestation de client signée, l&apos;identité et la
              fonction du signataire, la date et l&apos;heure de la signature, l&apos;adresse IP et l&apos;empreinte du
              document signé. Les signataires clients n&apos;ont pas de compte : seules ces informations sont
              conservées à leur sujet.
            </li>
            <li>
              <strong>Les échanges</strong> avec les instructeurs de l&apos;ANS et les notifications envoyées par
              courriel.
            </li>
          </ul>
          <p>
            Le portail ne traite aucune donnée de santé de patients. Les données du ROR elles-mêmes ne transitent pas
            par ce portail.
          </p>
        </section>

        <section aria-labelledby="finalites">
          <h2 id="finalites">Finalités et base légale</h2>
          <p>Ces données servent à :</p>
          <ul>
            <li>gérer les comptes des éditeurs et des agents de l&apos;ANS ;</li>
            <li>instruire les demandes d&apos;adhésion à l&apos;espace de confiance et en suivre l&apos;évolution ;</li>
            <li>
              prouver les engagements pris (acceptation de la charte, signature des attestations) et assurer la
              traçabilité des décisions ;
            </li>
            <li>assurer la sécurité du portail ;</li>
            <li>vous informer, par courriel, de l&apos;avancement de votre dossier.</li>
          </ul>
          <p>
            Ce traitement est nécessaire à l&apos;exécution de la mission d&apos;intérêt public de l&apos;ANS (article
            6.1.e du règlement général sur la protection des données).
          </p>
        </section>

        <section aria-labelledby="destinataires">
          <h2 id="destinataires">Destinataires et durée de conservation</h2>
          <p>
            Les données sont accessibles aux seuls agents habilités de l&apos;ANS et, pour ce qui concerne son dossier,
            aux membres de l&apos;organisation de l&apos;éditeur. Elles ne sont ni vendues ni cédées.
          </p>
          <p>Durées de conservation : [à compléter par l&apos;ANS].</p>
        </section>

        <section aria-labelledby="cookies">
          <h2 id="cookies">Cookies</h2>
          <p>
            Le portail n&apos;utilise que des cookies strictement nécessaires à son fonctionnement (maintien de votre
            session de connexion et sécurité des formulaires). Il n&apos;utilise aucun cookie de mesure
            d&apos;audience ni de publicité ; aucun consentement n&apos;est donc demandé.
          </p>
        </section>

        <section aria-labelledby="droits">
          <h2 id="droits">Vos droits</h2>
          <p>
            Vous disposez d&apos;un droit d&apos;accès, de rectification, d&apos;effacement et de limitation du
            traitement de vos données, ainsi que d&apos;un droit d&apos;opposition. Certaines données (journal des
            événements, signatures) doivent toutefois être conservées pour prouver les engagements pris.
          </p>
          <p>
            Pour exercer ces droits, contactez le délégué à la protection des données de l&apos;ANS : [adresse à
            compléter par l&apos;ANS].
          </p>
          <p>
            Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
            réclamation à la Commission nationale de l&apos;informatique et des libertés (CNIL) :{" "}
            <a href="https://www.cnil.fr">www.cnil.fr</a>.
          </p>
        </section>
      </div>
    </Container>
  );
}
