// The system programs the integration and end-to-end tests compare our output with (ADR 0013): real readers
// and servers written by others. Unit tests need none of them. The test command (scripts/test-command.ts)
// checks them first, installs them with apt when it can (root and apt-get), and otherwise stops with one line.
import { accessSync, constants } from "node:fs";
import path from "node:path";

export interface SystemRequirement {
  /** What the tests run or load, as a person would name it. */
  name: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Found when one of these commands is an executable on the PATH, or one of these files exists. */
  commands?: string[];
  files?: string[];
}

export const TEST_SYSTEM_REQUIREMENTS: readonly SystemRequirement[] = [
  // Attestation PDFs: poppler's text extraction and signature validation, and qpdf's structure check.
  { name: "pdftotext", debianPackage: "poppler-utils", commands: ["pdftotext"] },
  { name: "pdfsig", debianPackage: "poppler-utils", commands: ["pdfsig"] },
  { name: "qpdf", debianPackage: "qpdf", commands: ["qpdf"] },
  // Certificates: what openssl prints, verifies and writes (lib/certificates/openssl.int.test.ts).
  { name: "openssl", debianPackage: "openssl", commands: ["openssl"] },
  // The generated gateway configuration, loaded into a real nginx (lib/whitelist/nginx.int.test.ts).
  { name: "nginx", debianPackage: "nginx-light", commands: ["nginx"], files: ["/usr/sbin/nginx", "/usr/bin/nginx"] },
  // The Playwright journeys run in Debian's Chromium (playwright.config.ts): nothing downloads a browser.
  { name: "chromium", debianPackage: "chromium", files: ["/usr/bin/chromium", "/usr/bin/chromium-browser"] },
  { name: "polices DejaVu", debianPackage: "fonts-dejavu-core", files: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"] },
  {
    name: "polices Liberation",
    debianPackage: "fonts-liberation",
    files: ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"],
  },
];

/** Whether `file` exists, and when `executable`, whether this user may run it. */
export type Probe = (file: string, executable: boolean) => boolean;

export const fileProbe: Probe = (file, executable) => {
  try {
    accessSync(file, executable ? constants.X_OK : constants.F_OK);
    return true;
  } catch {
    return false;
  }
};

export function isPresent(requirement: SystemRequirement, searchPath: string, probe: Probe = fileProbe): boolean {
  const directories = searchPath.split(path.delimiter).filter((dir) => dir !== "");
  const onPath = (requirement.commands ?? []).some((command) => directories.some((dir) => probe(path.join(dir, command), true)));
  return onPath || (requirement.files ?? []).some((file) => probe(file, false));
}

export function missingRequirements(
  requirements: readonly SystemRequirement[],
  searchPath: string,
  probe: Probe = fileProbe,
): SystemRequirement[] {
  return requirements.filter((requirement) => !isPresent(requirement, searchPath, probe));
}

/** Debian packages to install, each once, in the order of the requirements. */
export function packagesFor(missing: readonly SystemRequirement[]): string[] {
  return [...new Set(missing.map((requirement) => requirement.debianPackage))];
}

export function installCommand(packages: readonly string[], asRoot: boolean): string {
  return `${asRoot ? "" : "sudo "}apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

/** The one line the test command prints when it cannot install what is missing itself. */
export function missingRequirementsLine(missing: readonly SystemRequirement[], asRoot: boolean): string {
  const byPackage = new Map<string, string[]>();
  for (const requirement of missing) {
    byPackage.set(requirement.debianPackage, [...(byPackage.get(requirement.debianPackage) ?? []), requirement.name]);
  }
  const named = [...byPackage].map(([debianPackage, names]) => `${names.join(", ")} (${debianPackage})`);
  return `Programmes système manquants pour les tests : ${named.join(", ")}. Installez-les : ${installCommand(packagesFor(missing), asRoot)}`;
}

export type InstallPlan =
  | { action: "none" }
  | { action: "install"; packages: string[] }
  | { action: "stop"; line: string };

/** What the test command does about what is missing: nothing, install with apt (root only), or stop with one line. */
export function installPlan(missing: readonly SystemRequirement[], context: { isRoot: boolean; hasApt: boolean }): InstallPlan {
  if (missing.length === 0) return { action: "none" };
  if (context.isRoot && context.hasApt) return { action: "install", packages: packagesFor(missing) };
  return { action: "stop", line: missingRequirementsLine(missing, context.isRoot) };
}
