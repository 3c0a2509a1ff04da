import { describe, expect, it } from "vitest";
import { JUNIT_REPORT_ERRORS } from "./junit-report";
import { evidenceMediaType, fileSizeErrors, MAX_EVIDENCE_BYTES, MAX_JUNIT_REPORT_BYTES, parisDay, submissionFieldsSchema } from "./submission-rules";

const now = new Date("2026-03-10T23:30:00Z"); // already 11 March in Paris
const fields = {
  serviceId: "6f1c9b9e-3a51-4f7c-9d1e-2b8a4c6d8e01",
  planId: "6f1c9b9e-3a51-4f7c-9d1e-2b8a4c6d8e02",
  sessionType: "CERTIFICATION",
  sessionIdentifier: "SESSION-4821",
  ranOn: "2026-03-11",
};

describe("submission fields", () => {
  it("takes the Paris day as today: a session run today is accepted, tomorrow is refused", () => {
    expect(parisDay(now)).toBe("2026-03-11");
    expect(submissionFieldsSchema(now).safeParse(fields).success).toBe(true);
    const tomorrow = submissionFieldsSchema(now).safeParse({ ...fields, ranOn: "2026-03-12" });
    expect(tomorrow.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["ranOn", "La date d'exécution ne peut pas être dans le futur."]]);
  });

  it.each([
    [{ ranOn: "2026-02-30" }, "ranOn", "Cette date n'existe pas."],
    [{ ranOn: "11/03/2026" }, "ranOn", "Saisissez la date d'exécution au format jj/mm/aaaa."],
    [{ ranOn: "2010-01-01" }, "ranOn", "La date d'exécution est antérieure à 2015 : vérifiez-la."],
    [{ sessionType: "PRODUCTION" }, "sessionType", "Choisissez le type de session : bac à sable, recette ou homologation."],
    [{ sessionIdentifier: "  " }, "sessionIdentifier", "Saisissez l'identifiant de la session PLATINES."],
    [{ sessionIdentifier: "a\u0000b" }, "sessionIdentifier", "L'identifiant de session ne peut pas contenir de caractères de contrôle."],
    [{ planId: "" }, "planId", "Choisissez l'un des plans de tests qui s'appliquent à ce service."],
  ])("refuses %j", (change, field, message) => {
    const result = submissionFieldsSchema(now).safeParse({ ...fields, ...change });
    expect(result.error?.issues.find((i) => i.path.join(".") === field)?.message).toBe(message);
  });
});

describe("fileSizeErrors", () => {
  it("requires the report and caps every size before any byte is read", () => {
    expect(fileSizeErrors({ name: "r.xml", size: MAX_JUNIT_REPORT_BYTES }, [{ name: "j.zip", size: MAX_EVIDENCE_BYTES }])).toEqual({});
    expect(fileSizeErrors(null, [])).toEqual({ report: "Joignez le rapport JUnit au format XML produit par la session PLATINES." });
    expect(fileSizeErrors({ name: "r.xml", size: MAX_JUNIT_REPORT_BYTES + 1 }, [])).toEqual({ report: JUNIT_REPORT_ERRORS.tooLarge });
    expect(fileSizeErrors({ name: "r.xml", size: 10 }, [{ name: "journaux.zip", size: MAX_EVIDENCE_BYTES + 1 }])).toEqual({
      evidence: "La pièce justificative « journaux.zip » dépasse la taille maximale de 20 Mio.",
    });
    expect(fileSizeErrors({ name: "r.xml", size: 10 }, [{ name: "vide.pdf", size: 0 }])).toEqual({ evidence: "La pièce justificative « vide.pdf » est vide." });
    expect(fileSizeErrors({ name: "r.xml", size: 10 }, Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, size: 1 })))).toEqual({
      evidence: "Joignez au plus 3 pièces justificatives.",
    });
  });
});

describe("evidenceMediaType", () => {
  it("derives the type from the extension and never lets HTML be served as HTML", () => {
    expect(evidenceMediaType("journaux.ZIP")).toBe("application/zip");
    expect(evidenceMediaType("resultats.pdf")).toBe("application/pdf");
    expect(evidenceMediaType("capture.png")).toBe("image/png");
    expect(evidenceMediaType("page.html")).toBe("application/octet-stream");
    expect(evidenceMediaType("sans-extension")).toBe("application/octet-stream");
  });
});
