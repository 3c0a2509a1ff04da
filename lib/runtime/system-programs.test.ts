import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  fileProbe,
  installPlan,
  missingRequirements,
  missingRequirementsLine,
  packagesFor,
  TEST_SYSTEM_REQUIREMENTS,
  type Probe,
} from "./system-programs";

/** A machine whose only files are `present`; `executable` says which of them may be run. */
function machine(present: string[], executable = present): Probe {
  return (file, mustRun) => present.includes(file) && (!mustRun || executable.includes(file));
}

const FULL = [
  "/usr/bin/pdftotext",
  "/usr/bin/pdfsig",
  "/usr/bin/qpdf",
  "/usr/bin/openssl",
  "/usr/sbin/nginx",
  "/usr/sbin/clamd",
  "/usr/bin/chromium",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
];

describe("the system programs the tests need", () => {
  it("finds nothing missing on a machine where .ci/run's packages are installed", () => {
    expect(missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/usr/local/bin:/usr/bin:/bin", machine(FULL))).toEqual([]);
  });

  it("finds nginx in /usr/sbin even when /usr/sbin is not on a user's PATH, and commands only on the PATH", () => {
    const missing = missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/usr/bin", machine([...FULL.filter((f) => !f.endsWith("openssl")), "/opt/openssl"]));
    expect(missing.map((r) => r.name)).toEqual(["openssl"]);
    expect(missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/opt:/usr/bin", machine([...FULL, "/opt/openssl"]))).toEqual([]);
  });

  it("does not count a file it may not run as a program", () => {
    const probe = machine(FULL, FULL.filter((f) => !f.endsWith("qpdf")));
    expect(missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/usr/bin", probe).map((r) => r.name)).toEqual(["qpdf"]);
  });

  it("names each missing program and its Debian package, each package once", () => {
    const missing = missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/usr/bin:/bin", machine(["/usr/bin/openssl"]));
    expect(packagesFor(missing)).toEqual(["poppler-utils", "qpdf", "nginx-light", "clamav-daemon", "chromium", "fonts-dejavu-core", "fonts-liberation"]);
    expect(missingRequirementsLine(missing, false)).toBe(
      "Programmes système manquants pour les tests : pdftotext, pdfsig (poppler-utils), qpdf (qpdf), nginx (nginx-light), " +
        "clamd (clamav-daemon), chromium (chromium), polices DejaVu (fonts-dejavu-core), polices Liberation (fonts-liberation). Installez-les : " +
        "sudo apt-get install -y --no-install-recommends poppler-utils qpdf nginx-light clamav-daemon chromium fonts-dejavu-core fonts-liberation",
    );
    expect(missingRequirementsLine(missing, false)).not.toContain("\n");
  });

  it("installs with apt as root, and otherwise stops with the one line", () => {
    const missing = missingRequirements(TEST_SYSTEM_REQUIREMENTS, "/usr/bin", machine(FULL.filter((f) => !f.includes("pdf"))));
    expect(installPlan(missing, { isRoot: true, hasApt: true })).toEqual({ action: "install", packages: ["poppler-utils", "qpdf"] });
    expect(installPlan(missing, { isRoot: false, hasApt: true })).toEqual({
      action: "stop",
      line:
        "Programmes système manquants pour les tests : pdftotext, pdfsig (poppler-utils), qpdf (qpdf). " +
        "Installez-les : sudo apt-get install -y --no-install-recommends poppler-utils qpdf",
    });
    expect(installPlan(missing, { isRoot: true, hasApt: false })).toMatchObject({
      action: "stop",
      line: expect.stringContaining("Installez-les : apt-get install -y --no-install-recommends poppler-utils qpdf"),
    });
    expect(installPlan([], { isRoot: false, hasApt: false })).toEqual({ action: "none" });
  });

  it("probes real files: present, executable, absent", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ror-system-programs-"));
    try {
      const program = path.join(dir, "qpdf");
      writeFileSync(program, "#!/bin/sh\n");
      chmodSync(program, 0o644);
      expect(fileProbe(program, false)).toBe(true);
      // root may run any file with an x bit; none is set here, so nobody may.
      expect(fileProbe(program, true)).toBe(false);
      chmodSync(program, 0o755);
      expect(fileProbe(program, true)).toBe(true);
      expect(fileProbe(path.join(dir, "absent"), false)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
