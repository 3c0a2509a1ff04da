import type { Metadata } from "next";
import { AccessProfilesTable } from "@/components/content/AccessProfilesTable";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";

export const metadata: Metadata = {
  title: { absolute: "Charte d'accès aux données du ROR – Espace de confiance ROR" },
  description:
    "Résumé de la charte d'accès aux données du ROR pour les services numériques de santé (version 0.1) : conditions, profils d'accès, quotas, sécurité et obligations.",
};

const sections: { id: string; title: string }[] = [
  { id: "objet", title: "Objet de la charte" },
  { id: "conditions", title: "Conditions d'accès" },
  { id: "profils", title: "Profils d'accès" },
  { id: "quotas", title: "Quotas d'appels" },
  { id: "securite", title: "Sécurité des accès" },
  { id: "obligations", title: "Obligations de l'éditeur" },
  { id: "evolution", title: "Évolution de la charte et suspension de l'accès" },
  { id: "annexe-1", title: "Annexe 1 : attestation de client" },
];

function sectionTitle(id: string): string {
  return sections.find((section) => section.id === id)?.title ?? id;
}

export default function CharterPage() {
  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Charte d'accès aux données du ROR" }]} />
      <PageHeading
        title="Charte d'accès aux données du ROR"
        lead="Résumé de la charte d'accès aux données du ROR pour les services numériques de santé, version 0.1, publiée par l'Agence du Numérique en Santé (ANS)."
      />

      <Alert variant="info" title="Ce résumé ne remplace pas la charte" className="mb-10 max-w-3xl">
        <p>
          Le texte signé et versionné de la charte sera affiché sur cette page dès sa publication par l&apos;ANS. Seul
          ce texte fait foi ; le représentant légal de l&apos;éditeur l&apos;accepte lors de la demande
          d&apos;adhésion.
        </p>
      </Alert>

      <div className="flex flex-col gap-10 lg:flex-row lg:items-start">
        <nav aria-labelledby="sommaire" className="border-l-2 border-primary bg-grey-50 p-6 lg:sticky lg:top-4 lg:w-72 lg:shrink-0">
          <h2 id="sommaire" className="text-lg font-bold">
            Sommaire
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>

        <div className="prose-page min-w-0 flex-1 [&_h2]:scroll-mt-4">
          <section aria-labelledby="objet">
            <h2 id="objet">{sectionTitle("objet")}</h2>
            <p>
              Le ROR (Répertoire national de l&apos;offre et des ressources en santé et accompagnement médico-social)
              décrit l&apos;offre de santé et médico-sociale de l&apos;ensemble des structures. La charte fixe les
              règles selon lesquelles les services numériques de santé accèdent à ses données au travers des API du
              ROR, dans le cadre de son espace de confiance.
            </p>
            <p>
              Elle s&apos;adresse aux éditeurs de logiciels dont les services aident à la prise en charge du patient
              tout au long de son parcours de soins, pour l&apos;orientation, la régulation, la coordination ou
              l&apos;information.
            </p>
          </section>

          <section aria-labelledby="conditions">
            <h2 id="conditions">{sectionTitle("conditions")}</h2>
            <p>Pour rejoindre l&apos;espace de confiance, le service numérique doit :</p>
            <ul>
              <li>
                répondre à l&apos;une des finalités de la charte : orientation, régulation, coordination ou
                information du patient ;
              </li>
              <li>
                être utilisé par au moins un client qui a besoin de données restreintes ou très restreintes du ROR,
                ce qu&apos;atteste l&apos;attestation de client (annexe 1) ;
              </li>
              <li>
                avoir passé avec succès la série de tests prédéfinie sur PLATINES, la plateforme de tests
                d&apos;interopérabilité de l&apos;ANS, dont l&apos;ANS vérifie les résultats ;
              </li>
              <li>
                respecter les spécifications d&apos;accès aux données (« Modalités d&apos;accès aux données », modèle
                d&apos;exposition de l&apos;offre).
              </li>
            </ul>
            <p>
              Lorsque ces conditions sont réunies et que l&apos;ANS donne son accord, elle communique à
              l&apos;éditeur ses informations de connexion et le profil d&apos;accès attribué au service.
            </p>
          </section>

          <section aria-labelledby="profils">
            <h2 id="profils">{sectionTitle("profils")}</h2>
            <p>
              Le profil d&apos;accès dépend des utilisateurs du service et de sa finalité. Il est attribué par
              l&apos;ANS et peut évoluer : la liste des profils elle-même est susceptible de changer avec les
              versions du modèle d&apos;exposition.
            </p>
            <AccessProfilesTable caption="Profils d'accès de la charte, version 0.1" />
            <p>Pour mémoire, les données du ROR se répartissent en trois classes :</p>
            <ul>
              <li>
                <strong>données très restreintes</strong> : lignes téléphoniques privées utilisables en situation
                d&apos;urgence, zones de poser d&apos;hélicoptère, unités sensibles, données de crise ;
              </li>
              <li>
                <strong>données restreintes</strong> : actes et équipements spécifiques, spécialisations, numéros de
                téléphone directs des professionnels, capacités d&apos;accueil ;
              </li>
              <li>
                <strong>données en libre accès</strong> : données d&apos;identification, capacités installées,
                description de l&apos;offre.
              </li>
            </ul>
            <p>
              L&apos;éditeur informe l&apos;ANS de toute évolution majeure des fonctions du service susceptible de
              modifier son profil. Un service qui donne accès aux données à des utilisateurs relevant d&apos;un
              profil plus restreint applique lui-même cette restriction.
            </p>
          </section>

          <section aria-labelledby="quotas">
            <h2 id="quotas">{sectionTitle("quotas")}</h2>
            <p>Les appels aux API du ROR sont limités à deux niveaux :</p>
            <ul>
              <li>
                <strong>niveau 1, par API</strong>, authentifiée ou non : 100 appels par seconde ;
              </li>
              <li>
                <strong>niveau 2, par service numérique</strong> : 10 appels par seconde sur une API authentifiée et
                5 appels par seconde sur une API publique (non authentifiée).
              </li>
            </ul>
            <p>
              Au-delà de l&apos;un de ces seuils, l&apos;API répond par le code HTTP 429 (« Too Many Requests »).
              L&apos;ANS peut modifier les quotas dans des conditions exceptionnelles et suspendre un service qui fait
              un usage abusif d&apos;une API.
            </p>
          </section>

          <section aria-labelledby="securite">
            <h2 id="securite">{sectionTitle("securite")}</h2>
            <ul>
              <li>
                Les appels sont authentifiés par <strong>TLS mutuel</strong>. La personne morale inscrit le couple
                (personne morale, service numérique) au moyen d&apos;un <strong>certificat IGC Santé</strong> délivré
                par l&apos;autorité de certification de l&apos;ANS : un certificat d&apos;organisation (ORG) avec
                l&apos;usage authentification client (AUTH_CLI).
              </li>
              <li>
                Le contrôle d&apos;accès compare l&apos;identité portée par le certificat à la{" "}
                <strong>liste blanche</strong> de l&apos;espace de confiance, qui réunit pour chaque service son URL,
                son certificat et son profil d&apos;accès.
              </li>
              <li>
                Tout changement de certificat ou d&apos;URL doit être signalé à l&apos;ANS ; il donne lieu à une
                nouvelle instruction avant la mise à jour de la liste blanche.
              </li>
              <li>Le profil 0 (données en libre accès) peut fonctionner sans certificat.</li>
            </ul>
          </section>

          <section aria-labelledby="obligations">
            <h2 id="obligations">{sectionTitle("obligations")}</h2>
            <ul>
              <li>
                Informer l&apos;ANS de tout changement concernant le service : fonctions, certificat, URL,
                utilisateurs.
              </li>
              <li>
                Signaler sans délai à l&apos;ANS tout dysfonctionnement constaté dans l&apos;accès aux données.
              </li>
              <li>Ne pas redistribuer les données obtenues du ROR.</li>
              <li>
                Préserver la confidentialité des informations confidentielles reçues, pendant toute la durée de
                l&apos;accès et cinq ans après sa fin.
              </li>
              <li>
                Le représentant légal de l&apos;éditeur est responsable du bon usage des données et des accès
                consentis à son service.
              </li>
            </ul>
          </section>

          <section aria-labelledby="evolution">
            <h2 id="evolution">{sectionTitle("evolution")}</h2>
            <p>
              La charte peut évoluer à tout moment ; les représentants légaux des éditeurs sont informés de chaque
              nouvelle version.
            </p>
            <p>
              L&apos;ANS peut suspendre l&apos;accès aux API pour maintenance, après en avoir informé les éditeurs, ou
              en cas de mauvais usage.
            </p>
          </section>

          <section aria-labelledby="annexe-1">
            <h2 id="annexe-1">{sectionTitle("annexe-1")}</h2>
            <p>
              L&apos;attestation de client prouve qu&apos;au moins un client utilise le service. Elle est signée
              conjointement par le client (le commanditaire) et par le représentant légal de l&apos;éditeur ; une
              attestation est établie pour chaque client. Sur ce portail, elle se remplit et se signe en ligne. Elle
              comporte :
            </p>
            <ul>
              <li>
                pour le client : ses nom et adresse, les nom, prénom et fonction du responsable signataire, son
                numéro SIRET ;
              </li>
              <li>
                pour l&apos;éditeur : ses nom et adresse, les nom et prénom du responsable légal de la société
                éditrice du logiciel concerné ;
              </li>
              <li>la date de signature de la commande ;</li>
              <li>la version logicielle concernée par la connexion au ROR ;</li>
              <li>le lieu et la date (« Fait à … le … ») ;</li>
              <li>
                la signature du ou des commanditaires et la signature du responsable légal de l&apos;éditeur.
              </li>
            </ul>
          </section>
        </div>
      </div>
    </Container>
  );
}
