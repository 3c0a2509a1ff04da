import type { Metadata } from "next";
import Link from "next/link";
import { AccessProfilesTable } from "@/components/content/AccessProfilesTable";
import { Container } from "@/components/layout/Container";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { StepList, type Step } from "@/components/ui/StepList";

export const metadata: Metadata = {
  title: { absolute: "Accueil – Espace de confiance ROR" },
  description:
    "Portail d'adhésion à l'espace de confiance du ROR : les éditeurs de logiciels y demandent l'accès aux données du Répertoire national de l'offre et des ressources en santé et accompagnement médico-social.",
};

const audiences: { title: string; text: string }[] = [
  {
    title: "Éditeurs de logiciels",
    text: "L'équipe de l'éditeur enregistre son organisation et son service numérique, dépose les certificats, les URL et les résultats des tests PLATINES, puis répond aux questions des instructeurs.",
  },
  {
    title: "Représentants légaux",
    text: "Le représentant légal de la société éditrice accepte la charte d'accès aux données du ROR, signe les attestations de client et télécharge les documents signés.",
  },
  {
    title: "Signataires clients",
    text: "Le client qui utilise le service (le commanditaire) signe l'attestation de client en ligne, grâce à un lien personnel, sans avoir à créer de compte.",
  },
  {
    title: "Instructeurs ANS",
    text: "Les instructeurs de l'Agence du Numérique en Santé examinent les dossiers, demandent des compléments, attribuent un profil d'accès et des quotas, ou refusent la demande.",
  },
];

const conditions: { title: string; text: string }[] = [
  {
    title: "Une finalité de prise en charge",
    text: "Votre service numérique contribue à la prise en charge du patient tout au long de son parcours : orientation, régulation, coordination ou information.",
  },
  {
    title: "Au moins un client",
    text: "Au moins un client utilise votre service et a besoin de données restreintes ou très restreintes du ROR. Vous le prouvez par l'attestation de client (annexe 1 de la charte), signée conjointement par le client et par le représentant légal de l'éditeur. Une attestation par client ; vous pouvez en joindre plusieurs.",
  },
  {
    title: "Des tests PLATINES réussis",
    text: "Votre service passe la série de tests prédéfinie sur PLATINES, la plateforme de tests d'interopérabilité de l'ANS, et l'ANS en vérifie les résultats.",
  },
  {
    title: "La conformité aux spécifications",
    text: "Votre service respecte les spécifications d'accès aux données du ROR (« Modalités d'accès aux données », modèle d'exposition de l'offre).",
  },
];

const steps: Step[] = [
  {
    title: "Identifier les données et le mode d'accès",
    description:
      "Déterminez les données du ROR dont votre service a besoin (en libre accès, restreintes ou très restreintes) et la façon dont il y accédera.",
  },
  {
    title: "Signer le formulaire d'adhésion et accepter la charte",
    description:
      "Le représentant légal de l'éditeur signe le formulaire d'adhésion à l'espace de confiance et accepte la charte d'accès aux données du ROR. Les attestations de vos clients sont jointes au dossier.",
  },
  {
    title: "Obtenir un certificat de test IGC Santé",
    description:
      "Commandez un certificat « IGC-Santé TEST » de type organisation (ORG), avec l'usage authentification client (AUTH_CLI), puis enregistrez-le dans votre dossier.",
  },
  {
    title: "Recevoir l'avis du comité et le profil d'accès",
    description:
      "Un comité de l'ANS examine votre demande, rend son avis et détermine le profil d'accès de votre service. Vous recevez alors vos identifiants PLATINES.",
  },
  {
    title: "Passer les tests PLATINES",
    description:
      "Exécutez la série de tests prédéfinie sur PLATINES avec votre certificat de test et déposez les résultats : l'ANS les vérifie.",
  },
  {
    title: "Obtenir le certificat de production",
    description:
      "Désignez vos administrateurs techniques, commandez le certificat IGC Santé de production et enregistrez-le avec l'URL de votre service.",
  },
  {
    title: "Être inscrit en liste blanche",
    description:
      "Après validation, l'ANS configure la connexion et inscrit votre service en liste blanche avec son URL, son certificat et son profil d'accès. Vos appels aux API du ROR sont alors authentifiés par TLS mutuel.",
  },
];

export default function HomePage() {
  return (
    <>
      <section aria-labelledby="titre-accueil" className="bg-primary-light py-12 md:py-16">
        <Container>
          <div className="max-w-3xl">
            <h1 id="titre-accueil" className="text-3xl font-bold leading-tight text-grey-950 md:text-5xl">
              Rejoindre l&apos;espace de confiance du ROR
            </h1>
            <p className="mt-6 text-lg text-grey-800 md:text-xl">
              Éditeurs de logiciels : demandez ici l&apos;accès aux données du Répertoire national de l&apos;offre et
              des ressources en santé et accompagnement médico-social, et suivez votre dossier d&apos;adhésion
              jusqu&apos;à l&apos;inscription de votre service en liste blanche.
            </p>
            <JoinActions className="mt-8" />
          </div>
        </Container>
      </section>

      <Container className="space-y-16 py-12 md:py-16">
        <section aria-labelledby="ror" className="max-w-3xl space-y-4 text-lg">
          <h2 id="ror" className="text-2xl font-bold md:text-3xl">
            Le ROR et son espace de confiance
          </h2>
          <p>
            Le ROR est le référentiel national de description de l&apos;offre de santé et d&apos;accompagnement
            médico-social : quelles structures proposent quelles activités, avec quelles ressources, et combien de
            lits sont disponibles. Les établissements de santé, les établissements médico-sociaux et les
            professionnels libéraux y décrivent leur propre offre.
          </p>
          <p>
            Les services numériques qui aident à orienter, réguler, coordonner ou informer les patients utilisent ces
            données au travers des API du ROR. Pour y accéder, un éditeur doit d&apos;abord faire entrer son service
            dans l&apos;<strong>espace de confiance</strong> du ROR : l&apos;Agence du Numérique en Santé (ANS)
            vérifie sa demande, lui attribue un profil d&apos;accès et l&apos;inscrit sur la liste blanche des
            services autorisés.
          </p>
          <p>
            Ce portail remplace les échanges de courriels et de documents : chaque étape de l&apos;adhésion y est
            suivie dans votre dossier, avec ses pièces justificatives.
          </p>
        </section>

        <section aria-labelledby="public">
          <h2 id="public" className="text-2xl font-bold md:text-3xl">
            À qui s&apos;adresse ce portail ?
          </h2>
          <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {audiences.map((audience) => (
              <li key={audience.title} className="flex">
                <Card title={audience.title} className="w-full">
                  <p>{audience.text}</p>
                </Card>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="conditions" className="max-w-3xl">
          <h2 id="conditions" className="text-2xl font-bold md:text-3xl">
            Les conditions pour rejoindre l&apos;espace de confiance
          </h2>
          <p className="mt-4 text-lg">Votre dossier d&apos;adhésion doit démontrer les quatre points suivants.</p>
          <ol className="mt-6 list-decimal space-y-4 pl-6 marker:font-bold marker:text-primary">
            {conditions.map((condition) => (
              <li key={condition.title} className="pl-2">
                <p className="font-bold text-grey-950">{condition.title}</p>
                <p className="mt-1 text-grey-800">{condition.text}</p>
              </li>
            ))}
          </ol>
          <p className="mt-6 text-grey-800">
            Lorsque ces conditions sont réunies et que l&apos;ANS donne son accord, elle vous communique vos
            informations de connexion et le profil d&apos;accès attribué à votre service.
          </p>
        </section>

        <section aria-labelledby="etapes" className="max-w-3xl">
          <h2 id="etapes" className="text-2xl font-bold md:text-3xl">
            Les étapes de l&apos;adhésion
          </h2>
          <StepList steps={steps} className="mt-6" />
        </section>

        <section aria-labelledby="profils" className="max-w-3xl">
          <h2 id="profils" className="text-2xl font-bold md:text-3xl">
            Les profils d&apos;accès
          </h2>
          <p className="mt-4 text-lg">
            Le profil d&apos;accès détermine les données que votre service peut obtenir. Il est attribué par
            l&apos;ANS en fonction des utilisateurs et de la finalité du service, et peut évoluer : l&apos;ANS fait
            vivre la liste des profils, et vous devez lui signaler tout changement important des fonctions de votre
            service.
          </p>
          <AccessProfilesTable className="mt-6" />
          <p className="mt-4 text-grey-800">
            Les quotas d&apos;appels, les règles de sécurité et vos obligations sont résumés dans la{" "}
            <Link href="/charte">charte d&apos;accès aux données du ROR</Link>.
          </p>
        </section>

        <section aria-labelledby="commencer" className="border-l-4 border-primary bg-grey-50 px-6 py-8 md:px-10">
          <h2 id="commencer" className="text-2xl font-bold md:text-3xl">
            Commencer votre demande
          </h2>
          <p className="mt-4 max-w-3xl text-lg text-grey-800">
            Créez le compte de votre organisation avec son numéro SIRET, puis enregistrez votre service numérique.
            Vous pourrez inviter vos collègues et votre représentant légal à compléter le dossier.
          </p>
          <JoinActions className="mt-6" />
        </section>
      </Container>
    </>
  );
}

/** The two calls to action, shown in the hero and again at the end of the page. */
function JoinActions({ className }: { className: string }) {
  return (
    <ul className={`${className} flex flex-wrap gap-4`}>
      <li>
        <ButtonLink href="/inscription" size="lg">
          Créer un compte éditeur
        </ButtonLink>
      </li>
      <li>
        <ButtonLink href="/connexion" size="lg" variant="secondary">
          Se connecter
        </ButtonLink>
      </li>
    </ul>
  );
}
