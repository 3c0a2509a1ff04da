import { describe, expect, it } from "vitest";
import { listActiveAccessProfiles } from "../catalogue/access-profiles.server";
import { createOrganization } from "../testing/catalogue-fixtures.server";
import { db } from "../db.server";
import { rejection, testRequest, uniqueSiret } from "../testing/organization-fixtures.server";
import { createService } from "../services/services.server";
import { attestationPage, createAttestation } from "./attestations.server";
import { attestationHistory, runAttestationReminders, setAttestationReminders } from "./reminders.server";
import { cancelAttestation, declineAsClient, sendForSignature, signAsClient } from "./signing.server";
import { testSignaturePng, toDataUrl } from "../testing/test-png";

const DAY = 24 * 3600_000;

async function sentAttestation(clientEmail: string) {
  const org = await createOrganization("Rappels Éditeur SAS");
  const profile = (await listActiveAccessProfiles()).find((p) => p.code === "1")!;
  const { serviceId } = await createService(
    org.member,
    org.organizationId,
    { name: "Orientation Rappel", softwareName: "Rappel Soins", softwareVersion: "1.0", description: "Aide.", purposes: ["ORIENTATION"], users: "Régulateurs.", requestedProfileId: profile.id, profileJustification: "Numéros.", apis: ["FHIR"] },
    testRequest,
  );
  const { attestationId } = await createAttestation(
    org.member,
    serviceId,
    {
      clientName: "Clinique des Rappels",
      clientAddress: "1 rue du Rappel\n30100 Alès",
      clientSignatoryLastName: "Lefèvre",
      clientSignatoryFirstName: "Zoé",
      clientSignatoryFunction: "Directrice",
      clientSiret: uniqueSiret(),
      clientSignatoryEmail: clientEmail,
      editorLegalRepresentativeId: org.legalRepresentative.userId,
      orderSignedOn: "2026-01-15",
      softwareVersion: "1.0",
      place: "Alès",
    },
    testRequest,
  );
  const page = await attestationPage(org.member, attestationId);
  const sentAt = new Date();
  const sent = await sendForSignature(org.member, attestationId, page.attestation.version, testRequest, sentAt);
  return { ...org, attestationId, sentAt, ...sent };
}

const day = (sentAt: Date, days: number) => new Date(sentAt.getTime() + days * DAY + 60_000);
const remindersTo = (to: string) => db().outboxMessage.findMany({ where: { to, kind: "attestation_signature_reminder" }, orderBy: { createdAt: "asc" } });

describe("signature reminders", () => {
  it("reminds a client who has not signed on day 3 and day 10, once each, with an event in the attestation's history", async () => {
    const to = "rappel.jours@clinique.example";
    const a = await sentAttestation(to);
    expect(await runAttestationReminders(day(a.sentAt, 2))).toEqual({ sent: 0 });
    expect(await runAttestationReminders(day(a.sentAt, 3))).toEqual({ sent: 1 });
    // Two workers at the same hour: the second finds it done.
    expect(await runAttestationReminders(day(a.sentAt, 3))).toEqual({ sent: 0 });
    expect(await runAttestationReminders(day(a.sentAt, 9))).toEqual({ sent: 0 });
    expect(await runAttestationReminders(day(a.sentAt, 10))).toEqual({ sent: 1 });
    expect(await runAttestationReminders(day(a.sentAt, 13))).toEqual({ sent: 0 });
    const mails = await remindersTo(to);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("Rappel : attestation de client à signer pour Rappels Éditeur SAS");
    expect(mails[0]!.text).toContain("Clinique des Rappels");
    expect(mails[0]!.text).not.toContain("/signature/");
    const events = await db().event.findMany({ where: { name: "attestation.reminder_sent", subjectId: a.attestationId }, orderBy: { sequence: "asc" } });
    expect(events.map((e) => (e.payload as { day: number }).day)).toEqual([3, 10]);
    const history = await attestationHistory(a.attestationId);
    expect(history.filter((h) => h.label === "Rappel de signature envoyé").map((h) => h.detail)).toEqual(["Jour 3 du lien de signature", "Jour 10 du lien de signature"]);
    expect(history.find((h) => h.label === "Rappel de signature envoyé")!.actorName).toBe("Le portail");
  });

  it("stops once the client has signed or declined, or the attestation is cancelled", async () => {
    const signed = await sentAttestation("rappel.signe@clinique.example");
    await signAsClient(signed.token, { signerName: "Zoé Lefèvre", signerFunction: "Directrice", signature: toDataUrl(testSignaturePng()), consent: true }, testRequest, day(signed.sentAt, 1));
    const declined = await sentAttestation("rappel.refuse@clinique.example");
    await declineAsClient(declined.token, { reason: "Le contrat n'est pas signé." }, testRequest, day(declined.sentAt, 1));
    const cancelled = await sentAttestation("rappel.annule@clinique.example");
    await cancelAttestation(cancelled.member, cancelled.attestationId, testRequest);
    for (const a of [signed, declined, cancelled]) expect(await runAttestationReminders(day(a.sentAt, 3))).toEqual({ sent: 0 });
    for (const to of ["rappel.signe@clinique.example", "rappel.refuse@clinique.example", "rappel.annule@clinique.example"]) expect(await remindersTo(to)).toHaveLength(0);
  });

  it("lets the editor switch them off for one attestation", async () => {
    const to = "rappel.coupe@clinique.example";
    const a = await sentAttestation(to);
    expect((await rejection(setAttestationReminders(a.member, a.attestationId, "non", testRequest))).code).toBe("VALIDATION");
    const other = await createOrganization("Autre SAS");
    expect((await rejection(setAttestationReminders(other.member, a.attestationId, false, testRequest))).code).toBe("NOT_FOUND");
    expect(await setAttestationReminders(a.member, a.attestationId, false, testRequest)).toEqual({ changed: true });
    expect(await setAttestationReminders(a.member, a.attestationId, false, testRequest)).toEqual({ changed: false });
    expect(await runAttestationReminders(day(a.sentAt, 3))).toEqual({ sent: 0 });
    expect(await setAttestationReminders(a.member, a.attestationId, true, testRequest)).toEqual({ changed: true });
    expect(await runAttestationReminders(day(a.sentAt, 4))).toEqual({ sent: 1 });
    const labels = (await attestationHistory(a.attestationId)).map((h) => h.label);
    expect(labels).toEqual(expect.arrayContaining(["Rappels de signature désactivés", "Rappels de signature activés", "Rappel de signature envoyé"]));
  });
});
