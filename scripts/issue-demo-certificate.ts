// `npm run demo:certificate -- --cn "Mon service" --siret 90123456700013 --org "Santé Numérique Démo SAS"`:
// issues a demo client certificate (ORG, AUTH_CLI) from the demo test authority that `npm start` created, so it
// chains to the portal's TEST bundle. Writes the certificate only; the private key only when --key-out is given.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { certificateFacts } from "../lib/certificates/certificate-facts";
import { issueTestCertificate, privateKeyPem } from "../lib/testing/test-authority";
import { normalizeIdentifier, siretProblem } from "../lib/organizations/identifiers";
import { formatDateTime } from "../lib/time";
import { demoTestAuthorityDir, loadTestAuthority } from "../lib/runtime/demo-test-authority";

export type DemoCertificateOptions = {
  commonName: string;
  siret: string;
  organization: string | null;
  days: number;
  out: string;
  keyOut: string | null;
  authorityDir: string;
};

export const DEMO_CERTIFICATE_USAGE = `Utilisation : npm run demo:certificate -- --cn "Mon service" --siret 90123456700013 [options]

Délivre un certificat client de démonstration (ORG, authentification client) signé par l'autorité de test
de démonstration du portail : il chaîne vers les autorités de l'environnement de test.

  --cn <nom>          nom du service numérique (CN du certificat), obligatoire
  --siret <siret>     SIRET de l'organisation, placé dans l'OU sous la forme 3 + SIRET, obligatoire
  --org <nom>         raison sociale de l'organisation (O du certificat)
  --days <n>          durée de validité en jours, de 1 à 1095 (365 par défaut)
  --out <fichier>     fichier du certificat PEM (certificat-<nom>.pem par défaut)
  --key-out <fichier> écrit aussi la clé privée (PKCS#8 PEM, lisible par vous seul)
  --ca-dir <dossier>  dossier de l'autorité de test (.data/demo-test-ca par défaut)
  --help              affiche cette aide`;

/** X.520 upper bound for CN and O. */
const MAX_NAME_LENGTH = 64;
const MAX_DAYS = 1095;

export class UsageError extends Error {}

/**
 * Reads the command line; throws a UsageError with a French message when something is wrong. Relative paths are
 * taken from where the person typed the command: `npm run` moves to the project root but sets INIT_CWD.
 */
export function parseDemoCertificateOptions(
  argv: string[],
  cwd: string = process.env.INIT_CWD ?? process.cwd(),
): DemoCertificateOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        cn: { type: "string" },
        siret: { type: "string" },
        org: { type: "string" },
        days: { type: "string" },
        out: { type: "string" },
        "key-out": { type: "string" },
        "ca-dir": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    const option = /'(-[^' ]+)/.exec(error instanceof Error ? error.message : "")?.[1];
    throw new UsageError(option ? `Option inconnue ou sans valeur : ${option}.` : "Options non reconnues.");
  }
  if (values.help) return "help";

  const commonName = values.cn?.trim() ?? "";
  if (!commonName) throw new UsageError("Indiquez le nom du service avec --cn \"Mon service\".");
  if (commonName.length > MAX_NAME_LENGTH) throw new UsageError(`Le nom du service (--cn) fait plus de ${MAX_NAME_LENGTH} caractères.`);

  if (!values.siret) throw new UsageError("Indiquez le SIRET de l'organisation avec --siret 90123456700013.");
  const problem = siretProblem(values.siret);
  if (problem) throw new UsageError(`${problem} (--siret)`);

  const organization = values.org?.trim() || null;
  if (organization && organization.length > MAX_NAME_LENGTH) {
    throw new UsageError(`La raison sociale (--org) fait plus de ${MAX_NAME_LENGTH} caractères.`);
  }

  const days = values.days === undefined ? 365 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new UsageError(`La durée de validité (--days) doit être un nombre entier de jours, de 1 à ${MAX_DAYS}.`);
  }

  const out = path.resolve(cwd, values.out ?? `certificat-${slug(commonName)}.pem`);
  const keyOut = values["key-out"] ? path.resolve(cwd, values["key-out"]) : null;
  if (keyOut === out) throw new UsageError("Le certificat (--out) et la clé privée (--key-out) doivent aller dans deux fichiers différents.");
  const authorityDir = values["ca-dir"] ? path.resolve(cwd, values["ca-dir"]) : demoTestAuthorityDir();
  return { commonName, siret: normalizeIdentifier(values.siret), organization, days, out, keyOut, authorityDir };
}

function slug(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii || "demo";
}

export async function issueDemoCertificate(options: DemoCertificateOptions, now: Date = new Date()) {
  const authority = await loadTestAuthority(options.authorityDir);
  if (!authority) {
    throw new UsageError(
      `Aucune autorité de test de démonstration dans ${options.authorityDir}. Lancez d'abord le portail une fois ` +
        "avec « npm start » (ou « npm run dev ») : il crée cette autorité et l'ajoute aux autorités de " +
        "l'environnement de test.",
    );
  }
  const leaf = await issueTestCertificate(authority, {
    commonName: options.commonName,
    structureId: `3${options.siret}`,
    organization: options.organization,
    country: "FR",
    notBefore: now,
    notAfter: new Date(now.getTime() + options.days * 24 * 60 * 60 * 1000),
  });
  const facts = certificateFacts(leaf.der);
  const taken = [options.out, options.keyOut].find((file) => file !== null && existsSync(file));
  if (taken) throw new UsageError(`Le fichier ${taken} existe déjà : choisissez un autre nom (--out, --key-out).`);
  // "wx" as well: never overwrite a file, least of all a key.
  try {
    writeFileSync(options.out, leaf.pem, { flag: "wx" });
    if (options.keyOut) writeFileSync(options.keyOut, await privateKeyPem(leaf.keys.privateKey), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new UsageError(`Le fichier ${(error as NodeJS.ErrnoException).path} existe déjà : choisissez un autre nom (--out, --key-out).`);
    }
    throw error;
  }
  return { facts, out: options.out, keyOut: options.keyOut };
}

async function main() {
  try {
    const options = parseDemoCertificateOptions(process.argv.slice(2));
    if (options === "help") {
      console.log(DEMO_CERTIFICATE_USAGE);
      return;
    }
    const { facts, out, keyOut } = await issueDemoCertificate(options);
    console.log(`Certificat de démonstration écrit dans ${out}`);
    if (keyOut) console.log(`Clé privée écrite dans ${keyOut} (lisible par vous seul ; ne la transmettez jamais).`);
    console.log(`  Sujet             : ${facts.subjectDn}`);
    console.log(`  Émetteur          : ${facts.issuerDn}`);
    console.log(`  Empreinte SHA-256 : ${facts.fingerprintSha256}`);
    console.log(`  Valide du ${formatDateTime(new Date(facts.notBefore))} au ${formatDateTime(new Date(facts.notAfter))}`);
    console.log("Déposez ce fichier pour l'environnement de test d'un service numérique, dans l'espace éditeur.");
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      console.error("Aide : npm run demo:certificate -- --help");
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
