import type { PlatformRole } from "../../lib/auth/permissions";

// The demo data the embedded default starts with. Never loaded into a production database.
export const DEMO_PASSWORD = "Demo-ROR-2026!";

export const demoOrganization = {
  legalName: "Santé Numérique Démo SAS",
  siret: "90123456700013",
  address: "12 rue des Lilas\n69003 Lyon",
};

/** A second demo organisation, waiting for ANS's verification (issue 22), with its legal representative. */
export const demoWaitingOrganization = {
  legalName: "Logiciels Soins Démo SARL",
  siret: "81234567600009",
  address: "4 quai des Chartrons\n33000 Bordeaux",
  account: { email: "representant@attente-demo.fr", name: "Sacha Moreau", label: "Représentant légal, organisation à vérifier" },
};

/**
 * The TOTP secret of the demo ANS accounts (issue 19): add it to an authenticator app (or compute codes with
 * otpauth) to sign in as them. Demo only, printed at `npm start`; never in a production database.
 */
export const DEMO_TOTP_SECRET = "RORDEMOANSTOTPSECRETRORDEMOANS23";

type DemoAccount = { email: string; name: string; roles: PlatformRole[]; legalRepresentative: boolean; label: string };

export const demoAccounts: readonly DemoAccount[] = [
  { email: "equipe@editeur-demo.fr", name: "Camille Martin", roles: ["EDITOR"], legalRepresentative: false, label: "Équipe de l'éditeur" },
  { email: "representant@editeur-demo.fr", name: "Dominique Lefèvre", roles: ["EDITOR"], legalRepresentative: true, label: "Représentant légal de l'éditeur" },
  { email: "instructeur@ans-demo.fr", name: "Hélène Girard", roles: ["ANS_REVIEWER"], legalRepresentative: false, label: "Instructeur ANS" },
  { email: "admin@ans-demo.fr", name: "Joël Bernard", roles: ["ANS_ADMIN"], legalRepresentative: false, label: "Administrateur ANS" },
];
