import { describe, expect, it } from "vitest";
import { mailMessage } from "../mail/message";
import { expiredCertificateMail, expiringCertificateMail, type ExpiryMailContext } from "./expiry-mail";

const context: ExpiryMailContext = {
  serviceName: "Orientation Plus",
  organizationName: "Santé Numérique SAS",
  subjectDn: "CN=orientation-plus.exemple.fr",
  fingerprintSha256: "cd".repeat(32),
  notAfter: new Date("2026-12-08T11:00:00Z"),
  link: "https://portail.exemple.fr/editeur/services/s1",
};

describe("the certificate expiry watch's e-mails", () => {
  it("are valid plain-text messages of their kind, with the certificate and the link", () => {
    const mails = [expiringCertificateMail(context, 30), expiringCertificateMail(context, 1), expiringCertificateMail(context, 0), expiredCertificateMail(context)];
    expect(mails.map((m) => m.kind)).toEqual(["certificate.expiry_notice", "certificate.expiry_notice", "certificate.expiry_notice", "certificate.expired"]);
    for (const mail of mails) {
      expect(mailMessage.safeParse({ to: "a@exemple.fr", ...mail }).success).toBe(true);
      expect(mail.text).toContain(context.link);
      expect(mail.text).toContain(context.fingerprintSha256);
      expect(mail.text).toContain("8 décembre 2026");
    }
    expect(mails.map((m) => m.subject)).toEqual([
      "Certificat du service Orientation Plus : expiration dans 30 jours",
      "Certificat du service Orientation Plus : expiration dans 1 jour",
      "Certificat du service Orientation Plus : expiration aujourd'hui",
      "Certificat du service Orientation Plus expiré : appels refusés",
    ]);
  });

  it("keep the subject on one line of at most 200 characters", () => {
    const subject = expiringCertificateMail({ ...context, serviceName: `Service\r\n${"x".repeat(300)}` }, 7).subject;
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(subject).not.toMatch(/[\r\n]/);
  });
});
