import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCertificationPath } from "../lib/certificates/certificate-chain";
import { EKU_CLIENT_AUTH } from "../lib/certificates/certificate-usages";
import { readCertificateInput } from "../lib/certificates/certificate-input";
import { certificateFacts } from "../lib/certificates/certificate-facts";
import { DEMO_TEST_AUTHORITY_FILES, ensureDemoTestAuthority, loadTestAuthority, recreateTestAuthority } from "../lib/runtime/demo-test-authority";
import { issueDemoCertificate, parseDemoCertificateOptions, UsageError } from "./issue-demo-certificate";

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), "ror-demo-certificate-"));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("the command line of npm run demo:certificate", () => {
  const base = ["--cn", "Mon service", "--siret", "901 234 567 00013"];

  it("reads the options, with defaults", () => {
    const options = parseDemoCertificateOptions([...base, "--org", "Santé Numérique Démo SAS"], "/tmp/ici");
    expect(options).toMatchObject({
      commonName: "Mon service",
      siret: "90123456700013",
      organization: "Santé Numérique Démo SAS",
      days: 365,
      out: "/tmp/ici/certificat-mon-service.pem",
      keyOut: null,
    });
    expect(parseDemoCertificateOptions(["--help"])).toBe("help");
    expect(parseDemoCertificateOptions([...base, "--days", "30", "--out", "a.pem", "--key-out", "a.key"], "/x")).toMatchObject({
      days: 30,
      out: "/x/a.pem",
      keyOut: "/x/a.key",
    });
  });

  it("refuses bad options in French", () => {
    const refusal = (argv: string[]) => {
      try {
        parseDemoCertificateOptions(argv);
      } catch (error) {
        if (error instanceof UsageError) return error.message;
        throw error;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal(["--siret", "90123456700013"])).toMatch(/--cn/);
    expect(refusal(["--cn", "x"])).toMatch(/--siret/);
    expect(refusal(["--cn", "x", "--siret", "90123456700014"])).toMatch(/clé de contrôle/);
    expect(refusal([...base, "--days", "0"])).toMatch(/de 1 à 1095/);
    expect(refusal([...base, "--days", "1.5"])).toMatch(/nombre entier/);
    expect(refusal([...base, "--inconnue"])).toBe("Option inconnue ou sans valeur : --inconnue.");
    expect(refusal(["--cn", "x".repeat(65), "--siret", "90123456700013"])).toMatch(/64 caractères/);
    expect(refusal([...base, "--out", "a.pem", "--key-out", "a.pem"])).toMatch(/deux fichiers différents/);
  });
});

describe("the demo test authority and its certificates", () => {
  it("is created once with its key readable by its owner only, then loaded", async () => {
    const dir = path.join(directory, "ca");
    expect(await loadTestAuthority(dir)).toBeNull();
    const created = await ensureDemoTestAuthority(dir);
    expect(statSync(path.join(dir, DEMO_TEST_AUTHORITY_FILES.issuingKey)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const loaded = await ensureDemoTestAuthority(dir);
    expect(loaded.root.pem).toBe(created.root.pem);
    expect(certificateFacts(loaded.root.der).subject.cn).toBe("TEST AC RACINE IGC-SANTE ELEMENTAIRE");
    expect(certificateFacts(loaded.issuing.der).subject.cn).toBe("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
    const recreated = await recreateTestAuthority(dir);
    expect(recreated.root.pem).not.toBe(created.root.pem);
  });

  it("issues an ORG client certificate with OU=3+SIRET that chains to the authority, without its key unless asked", async () => {
    const authorityDir = path.join(directory, "ca-issue");
    const authority = await ensureDemoTestAuthority(authorityDir);
    const options = parseDemoCertificateOptions(
      ["--cn", "Mon service", "--siret", "90123456700013", "--org", "Santé Numérique Démo SAS", "--ca-dir", authorityDir],
      directory,
    );
    if (options === "help") throw new Error("unexpected help");
    const { facts, out, keyOut } = await issueDemoCertificate(options);
    expect(keyOut).toBeNull();
    const pem = readFileSync(out, "utf8");
    expect(pem).not.toMatch(/PRIVATE KEY/);
    const read = readCertificateInput({ text: pem });
    if (!read.ok) throw new Error(read.error);
    expect(facts.subjectDn).toBe("CN=Mon service, OU=390123456700013, O=Santé Numérique Démo SAS, C=FR");
    expect(facts.extendedKeyUsage).toContain(EKU_CLIENT_AUTH);
    expect(facts.isCa).toBe(false);
    expect(buildCertificationPath(read.der, [{ der: authority.root.der }, { der: authority.issuing.der }], new Date()).ok).toBe(true);

    // Never overwrites: the same file again is refused.
    await expect(issueDemoCertificate(options)).rejects.toThrow(/existe déjà/);
    const withKey = { ...options, out: path.join(directory, "b.pem"), keyOut: path.join(directory, "b.key") };
    await issueDemoCertificate(withKey);
    expect(readFileSync(withKey.keyOut, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(withKey.keyOut).mode & 0o777).toBe(0o600);
  });

  it("tells the person to start the portal first when there is no authority", async () => {
    const options = parseDemoCertificateOptions(["--cn", "x", "--siret", "90123456700013", "--ca-dir", path.join(directory, "absent")]);
    if (options === "help") throw new Error("unexpected help");
    await expect(issueDemoCertificate(options)).rejects.toThrow(/npm start/);
  });
});
