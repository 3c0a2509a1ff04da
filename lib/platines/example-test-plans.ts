// Example PLATINES test plans for the consumer side of the ROR's FHIR API, seeded so that the portal works end to
// end before ANS enters its own list. They are flagged as examples (badge shown everywhere) and must be replaced
// by ANS's official plans: ANS deactivates them and creates its own from the administration pages.
import type { RequiredCase } from "./evaluation";

export type ExampleTestPlan = {
  seedKey: string;
  name: string;
  api: "FHIR";
  description: string;
  cases: RequiredCase[];
};

export const EXAMPLE_TEST_PLANS: readonly ExampleTestPlan[] = [
  {
    seedKey: "example-fhir-search-read",
    name: "API FHIR du ROR — recherche et lecture de l'offre",
    api: "FHIR",
    description:
      "Le service consommateur recherche et lit les ressources de l'offre de santé exposées par l'API FHIR du ROR : " +
      "structures (Organization), services et activités (HealthcareService), lieux (Location) et situations d'exercice " +
      "(PractitionerRole), en authentification TLS mutuelle.",
    cases: [
      { identifier: "FHIR-ORG-01", title: "Recherche d'Organization par numéro FINESS (identifier)" },
      { identifier: "FHIR-ORG-02", title: "Recherche d'Organization par nom et code postal" },
      { identifier: "FHIR-ORG-03", title: "Lecture d'une Organization par son identifiant technique" },
      { identifier: "FHIR-HCS-01", title: "Recherche des HealthcareService d'une Organization (organization=)" },
      { identifier: "FHIR-HCS-02", title: "Recherche de HealthcareService par activité et mode de prise en charge" },
      { identifier: "FHIR-HCS-03", title: "Lecture d'un HealthcareService" },
      { identifier: "FHIR-LOC-01", title: "Recherche des Location d'une Organization" },
      { identifier: "FHIR-LOC-02", title: "Lecture d'une Location" },
      { identifier: "FHIR-PR-01", title: "Recherche des PractitionerRole d'une Organization" },
      { identifier: "FHIR-PR-02", title: "Lecture d'un PractitionerRole" },
    ],
  },
  {
    seedKey: "example-fhir-paging-errors",
    name: "API FHIR du ROR — pagination et gestion des erreurs",
    api: "FHIR",
    description:
      "Le service consommateur parcourt les résultats paginés (Bundle de type searchset) et traite correctement les " +
      "réponses d'erreur de l'API FHIR du ROR : ressource absente, requête invalide, authentification refusée, quota dépassé.",
    cases: [
      { identifier: "FHIR-PAG-01", title: "Limitation du nombre de résultats par page (_count)" },
      { identifier: "FHIR-PAG-02", title: "Parcours des pages par le lien « next » du Bundle" },
      { identifier: "FHIR-PAG-03", title: "Fin du parcours à la dernière page (sans lien « next »)" },
      { identifier: "FHIR-ERR-01", title: "Ressource inexistante : réponse 404 avec OperationOutcome" },
      { identifier: "FHIR-ERR-02", title: "Paramètre de recherche invalide : réponse 400 avec OperationOutcome" },
      { identifier: "FHIR-ERR-03", title: "Appel sans certificat client : connexion refusée" },
      { identifier: "FHIR-ERR-04", title: "Quota dépassé : réponse 429 et nouvel essai après le délai indiqué" },
    ],
  },
];
