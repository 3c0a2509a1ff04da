import { z } from "zod";
import { ENVIRONMENTS } from "../vocabulary";

// The one event catalogue: every act the portal records, the kind of record it is about, the shape of its payload,
// the personal data it carries (kept apart, outside the hash chain, purgeable) and its French label. A name that is
// not here cannot be written. Names follow the lifecycle's transitions: one word per act from the state machine to
// the UI label.

export const SUBJECT_TYPES = [
  "Organization",
  "User",
  "Membership",
  "Invitation",
  "Service",
  "Certificate",
  "CaCertificate",
  "Attestation",
  "PlatinesSubmission",
  "PlatinesTestPlan",
  "Application",
  "Enrolment",
  "ApiToken",
  "CharterVersion",
  "AccessProfile",
  "Level1QuotaSetting",
  "GatewayApi",
  "OutboxMessage",
  "WebhookSubscription",
  "WebhookDelivery",
  "MessageTemplate",
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

const id = z.guid();
const text = z.string();
const count = z.number().int();
const json = z.json();
const changes = z.record(z.string(), json);
/** An instant, stored as ISO 8601 text. */
const instant = z.iso.datetime({ offset: true });
const environment = z.enum(ENVIRONMENTS);
const quotas = z.object({ level2AuthenticatedPerSecond: count, level2PublicPerSecond: count, reason: text.nullable().optional() });
const none = z.object({});

const email = z.object({ email: text });
const person = z.object({ email: text, name: text });

type Definition = {
  /** The kind of record the event is about; null when it is about no record (a failed sign-in, an export). */
  subject: SubjectType | null;
  label: string;
  /** The label inside the subject's own history, where the subject goes without saying. */
  shortLabel?: string;
  payload: z.ZodType<Record<string, unknown>>;
  /** Personal data (e-mail addresses, names, typed values): stored apart, outside the chain, purged after retention. */
  personal?: z.ZodType<Record<string, unknown>>;
  /**
   * "ans": an act of ANS's side alone (assignment, internal note), named review.*: never shown or sent to an editor
   * (dossier timeline, webhooks), and it does not make a dossier new to its editors (ADR 0035).
   */
  audience?: "ans";
};

function define<const D extends Record<string, Definition>>(definitions: D): D {
  return definitions;
}

export const EVENTS = define({
  "user.signed_up": { subject: "User", label: "Création de compte", payload: z.object({ via: z.enum(["sign_up", "invitation"]).optional() }) },
  "user.signed_in": { subject: "User", label: "Connexion", payload: none },
  "user.sign_in_failed": { subject: "User", label: "Échec de connexion", payload: none, personal: email },
  "user.sign_in_rate_limited": {
    subject: "User",
    label: "Limite de tentatives de connexion atteinte",
    payload: z.object({ scope: z.enum(["pair", "ip"]).optional() }),
    personal: email,
  },
  "user.signed_out": { subject: "User", label: "Déconnexion", payload: none },
  // Second factors (issue 19, ADR 0041): never the secret nor a code, only what happened.
  "user.second_factor_enrolled": { subject: "User", label: "Second facteur activé", payload: z.object({ kind: z.enum(["totp"]) }) },
  "user.second_factor_passed": { subject: "User", label: "Second facteur vérifié", payload: z.object({ kind: z.enum(["totp", "recovery_code", "passkey"]), purpose: z.enum(["sign_in", "step_up"]) }) },
  "user.second_factor_failed": { subject: "User", label: "Échec du second facteur", payload: z.object({ reason: z.enum(["wrong", "replayed", "passkey_refused"]) }) },
  "user.second_factor_removed": { subject: "User", label: "Second facteur retiré", payload: z.object({ kind: z.enum(["totp"]) }) },
  // Passkeys (ADR 0060): the name its holder gave is theirs, kept apart from the chain.
  "user.passkey_added": { subject: "User", label: "Clé d'accès ajoutée", payload: z.object({ passkeyId: id }), personal: z.object({ name: text }) },
  "user.passkey_removed": { subject: "User", label: "Clé d'accès retirée", payload: z.object({ passkeyId: id }), personal: z.object({ name: text }) },
  "user.recovery_codes_regenerated": { subject: "User", label: "Codes de secours régénérés", payload: none },
  "user.second_factors_reset": { subject: "User", label: "Seconds facteurs réinitialisés par un administrateur", payload: none, personal: z.object({ reason: text }) },
  "user.sessions_revoked": {
    subject: "User",
    label: "Sessions fermées (mot de passe, compte ou rôle modifié, ou par le titulaire)",
    payload: z.object({ reason: text, count }),
  },
  "user.duplicate_sign_up": {
    subject: "User",
    label: "Création de compte demandée avec l'adresse d'un compte existant (titulaire prévenu)",
    payload: z.object({ mailed: z.boolean() }),
  },
  "user.verification_sent": {
    subject: "User",
    label: "Lien de confirmation de l'adresse e-mail envoyé",
    payload: z.object({ resent: z.boolean() }),
    personal: email,
  },
  "user.email_verified": { subject: "User", label: "Adresse e-mail confirmée", payload: z.object({ via: z.enum(["link", "invitation", "password_reset"]) }) },
  "user.password_reset_requested": { subject: "User", label: "Lien de réinitialisation du mot de passe envoyé", payload: none, personal: email },
  "user.password_reset": { subject: "User", label: "Mot de passe réinitialisé par lien", payload: none },
  "user.password_changed": {
    subject: "User",
    label: "Mot de passe modifié",
    payload: z.object({ way: z.enum(["account_page", "first_sign_in"]) }),
  },
  "user.renamed": { subject: "User", label: "Nom modifié", payload: none, personal: z.object({ previous: text, name: text }) },
  "user.email_change_requested": {
    subject: "User",
    label: "Changement d'adresse e-mail demandé",
    payload: z.object({ addressInUse: z.boolean() }),
    personal: email,
  },
  "user.email_changed": { subject: "User", label: "Adresse e-mail modifiée", payload: none, personal: z.object({ previous: text, email: text }) },
  // ProConnect (ADR 0044). The siret is a company's public identifier, not personal data.
  "user.proconnect_signed_in": {
    subject: "User",
    label: "Connexion avec ProConnect",
    payload: z.object({ acr: text.nullable(), secondFactor: z.boolean() }),
  },
  "user.proconnect_linked": { subject: "User", label: "Compte lié à ProConnect", payload: z.object({ via: z.enum(["password", "sign_up"]) }) },
  "user.proconnect_siret_seen": { subject: "User", label: "SIRET transmis par ProConnect", payload: z.object({ siret: text }) },
  "user.proconnect_refused": {
    subject: "User",
    label: "Connexion ProConnect refusée",
    payload: z.object({ reason: text }),
    personal: z.object({ email: text }).partial(),
  },
  "organization.created": {
    subject: "Organization",
    label: "Création de l'organisation",
    payload: z.object({ legalName: text, siret: text, isLegalRepresentative: z.boolean() }),
  },
  "organization.updated": { subject: "Organization", label: "Modification de l'organisation", payload: z.object({ changes }) },
  "organization.evidence_uploaded": {
    subject: "Organization",
    label: "Justificatif de l'organisation déposé",
    payload: z.object({ evidenceId: id, kind: z.enum(["REGISTER_EXTRACT", "DELEGATION"]), documentDate: text, fileSha256: text }),
  },
  "organization.verified": { subject: "Organization", label: "Organisation vérifiée par l'ANS", payload: z.object({ from: text }) },
  "organization.refused": { subject: "Organization", label: "Vérification de l'organisation refusée", payload: z.object({ from: text, reason: text }) },
  "organization.suspended": {
    subject: "Organization",
    label: "Organisation suspendue",
    payload: z.object({ from: text, reason: text, enrolmentsInForce: count, sessionsRevoked: count }),
  },
  "organization.reinstated": { subject: "Organization", label: "Organisation rétablie", payload: z.object({ to: text }) },
  "organization.verification_reset": {
    subject: "Organization",
    label: "Vérification de l'organisation à refaire",
    payload: z.object({ from: text, cause: z.enum(["legal_representative_named", "siret_changed", "legal_name_changed"]) }),
  },
  "organization.second_factor_requirement_changed": {
    subject: "Organization",
    label: "Exigence du second facteur pour les membres modifiée",
    payload: z.object({ required: z.boolean() }),
  },
  "membership.technical_contact_named": { subject: "Membership", label: "Contact technique désigné", payload: z.object({ userId: id }), personal: person },
  "membership.technical_contact_removed": { subject: "Membership", label: "Contact technique retiré", payload: z.object({ userId: id }), personal: person },
  "join_request.created": { subject: "Organization", label: "Demande de rattachement reçue", payload: z.object({ joinRequestId: id, requesterId: id }) },
  "join_request.accepted": { subject: "Organization", label: "Demande de rattachement acceptée", payload: z.object({ joinRequestId: id, requesterId: id, membershipId: id }) },
  "join_request.refused": { subject: "Organization", label: "Demande de rattachement refusée", payload: z.object({ joinRequestId: id, requesterId: id }) },
  "join_request.throttled": { subject: "User", label: "Demandes de rattachement limitées", payload: none },
  // ANS's resolution of squatting (ADR 0057).
  "join_request.escalated": {
    subject: "Organization",
    label: "Demande de rattachement transmise à l'ANS",
    payload: z.object({ joinRequestId: id, requesterId: id, cause: z.enum(["unanswered", "claim"]) }),
  },
  "join_request.transferred": {
    subject: "Organization",
    label: "Organisation transférée par l'ANS au représentant légal vérifié",
    payload: z.object({ joinRequestId: id, requesterId: id, membershipId: id, removedUserIds: z.array(id), reason: text }),
  },
  "join_request.members_removed": {
    subject: "Organization",
    label: "Membres retirés par l'ANS",
    payload: z.object({ joinRequestId: id, removedUserIds: z.array(id), reason: text }),
  },
  "join_request.organization_refused": {
    subject: "Organization",
    label: "Organisation détenue à tort refusée par l'ANS",
    payload: z.object({ joinRequestId: id, requesterId: id, from: text, reason: text }),
  },
  "invitation.sent": {
    subject: "Invitation",
    label: "Invitation envoyée",
    payload: z.object({ asLegalRepresentative: z.boolean(), expiresAt: instant, revokedInvitations: z.array(id) }),
    personal: email,
  },
  "invitation.accepted": {
    subject: "Invitation",
    label: "Invitation acceptée",
    payload: z.object({ asLegalRepresentative: z.boolean(), newAccount: z.boolean(), membershipId: id }),
    personal: email,
  },
  "invitation.revoked": { subject: "Invitation", label: "Invitation annulée", payload: z.object({ reason: z.enum(["reinvited", "cancelled"]) }), personal: email },
  "membership.legal_representative_named": { subject: "Membership", label: "Représentant légal désigné", payload: z.object({ userId: id }), personal: person },
  "membership.legal_representative_removed": { subject: "Membership", label: "Représentant légal retiré", payload: z.object({ userId: id }), personal: person },
  "membership.removed": { subject: "Membership", label: "Membre retiré", payload: z.object({ userId: id, wasLegalRepresentative: z.boolean() }), personal: person },
  "charter.accepted": { subject: "CharterVersion", label: "Charte acceptée", payload: z.object({ version: text, acceptanceId: id }) },
  "charter.published": {
    subject: "CharterVersion",
    label: "Nouvelle version de la charte publiée",
    payload: z.object({ version: text, title: text, bodyLength: count }),
  },
  "access_profile.updated": {
    subject: "AccessProfile",
    label: "Profil d'accès modifié",
    payload: z.object({ code: text, changes: changes.optional(), created: z.boolean().optional(), values: changes.optional() }),
  },
  "service.created": {
    subject: "Service",
    label: "Service numérique déclaré",
    payload: z.object({ name: text, softwareName: text, softwareVersion: text, purposes: json, apis: json, requestedProfile: text }),
  },
  "service.updated": { subject: "Service", label: "Service numérique modifié", payload: z.object({ changes }) },
  "service.url_added": { subject: "Service", label: "URL ajoutée", payload: z.object({ urlId: id, environment, url: text }) },
  "service.url_removed": { subject: "Service", label: "URL retirée", payload: z.object({ urlId: id, environment, url: text }) },
  "certificate.uploaded": {
    subject: "Certificate",
    label: "Certificat déposé",
    payload: z.object({ serviceId: id, environment, subjectDn: text, fingerprintSha256: text, verdict: text }),
  },
  "ca_certificate.added": {
    subject: "CaCertificate",
    label: "Autorité de certification ajoutée",
    payload: z.object({ environment, subjectDn: text, issuerDn: text, fingerprintSha256: text, notBefore: instant, notAfter: instant }),
  },
  "ca_certificate.retired": {
    subject: "CaCertificate",
    label: "Autorité de certification retirée",
    payload: z.object({ environment, subjectDn: text, fingerprintSha256: text }),
  },
  "platines_plan.created": {
    subject: "PlatinesTestPlan",
    label: "Plan de tests PLATINES créé",
    payload: z.object({ name: text, api: text, active: z.boolean(), profiles: z.array(text), cases: z.array(text) }),
  },
  "platines_plan.updated": { subject: "PlatinesTestPlan", label: "Plan de tests PLATINES modifié", payload: z.object({ before: json, after: json, version: count }) },
  "platines.submitted": {
    subject: "PlatinesSubmission",
    label: "Résultats PLATINES déposés",
    payload: z.object({
      serviceId: id,
      planId: id,
      planVersion: count,
      sessionType: text,
      sessionIdentifier: text,
      ranOn: text,
      report: z.object({ fileName: text, size: count, sha256: text }),
      evidence: json,
      totalCases: count,
      casesPassed: count,
      satisfied: z.boolean(),
    }),
  },
  "platines.validated": { subject: "PlatinesSubmission", label: "Résultats PLATINES validés par l'ANS", payload: z.object({ serviceId: id, planId: id, note: text.nullable() }) },
  "attestation.created": { subject: "Attestation", label: "Attestation de client créée", payload: z.object({ serviceId: id, clientName: text, clientSiret: text }) },
  "attestation.updated": { subject: "Attestation", label: "Attestation de client modifiée", payload: z.object({ changes: json, cancelledRound: id.nullable() }) },
  "attestation.sent": {
    subject: "Attestation",
    label: "Attestation de client envoyée pour signature",
    payload: z.object({
      roundId: id,
      number: count,
      sentSha256: text,
      sentFileId: id,
      legalRepresentativeId: id,
      expiresAt: instant,
      clientSignatories: count.optional(),
      signingOrder: z.enum(["PARALLEL", "ORDERED"]).optional(),
    }),
    personal: z.object({ clientEmail: text, clientEmails: z.array(text).optional() }),
  },
  "attestation.link_resent": {
    subject: "Attestation",
    label: "Lien de signature renvoyé au client",
    payload: z.object({ roundId: id, previousSignatureId: id, expiresAt: instant, position: count.optional() }),
    personal: z.object({ clientEmail: text }),
  },
  "attestation.signatory_invited": {
    subject: "Attestation",
    label: "Lien de signature envoyé au signataire suivant du client",
    shortLabel: "Signataire suivant invité",
    payload: z.object({ roundId: id, signatureId: id, position: count, expiresAt: instant }),
    personal: z.object({ clientEmail: text }),
  },
  "attestation.link_cancelled": {
    subject: "Attestation",
    label: "Lien de signature d'un signataire du client annulé",
    shortLabel: "Lien de signature annulé",
    payload: z.object({ roundId: id, signatureId: id, position: count }),
    personal: z.object({ clientEmail: text }),
  },
  "attestation.round_cancelled": {
    subject: "Attestation",
    label: "Demande de signature annulée",
    payload: z.object({ roundId: id.nullable(), reason: z.enum(["edited", "cancelled"]), cancelledSignatures: count }),
  },
  "attestation.cancelled": { subject: "Attestation", label: "Attestation de client abandonnée", payload: z.object({ previousStatus: text, roundId: id.nullable() }) },
  "attestation.signed": {
    subject: "Attestation",
    label: "Attestation de client signée",
    payload: z.object({ signatureId: id, party: text, complete: z.boolean() }),
    personal: z.object({ signerName: text, signerFunction: text }),
  },
  "attestation.declined": { subject: "Attestation", label: "Signature de l'attestation refusée", payload: z.object({ signatureId: id, party: text, reason: text }) },
  "attestation.sealed": {
    subject: "Attestation",
    label: "Attestation de client scellée",
    payload: z.object({ sealedFileId: id, sealedSha256: text, sentSha256: text, roundId: id, copyLinks: count.optional() }),
  },
  "application.created": {
    subject: "Application",
    label: "Dossier d'adhésion créé",
    shortLabel: "Dossier créé",
    payload: z.object({ serviceId: id, kind: z.enum(["NEW", "AMENDMENT"]) }),
  },
  "application.amendment_opened": {
    subject: "Application",
    label: "Demande de modification ouverte",
    payload: z.object({ serviceId: id, kind: z.enum(["NEW", "AMENDMENT"]), reason: text, previousEnrolmentId: id.nullable() }),
  },
  "application.submitted": {
    subject: "Application",
    label: "Dossier déposé",
    payload: z.object({ submissionId: id, number: count, kind: z.enum(["NEW", "AMENDMENT"]), requestedProfile: text.nullable(), changeCount: count.nullable() }),
  },
  "application.withdrawn": { subject: "Application", label: "Dossier retiré par l'éditeur", payload: z.object({ from: text }) },
  "application.changes_requested": {
    subject: "Application",
    label: "Modifications demandées à l'éditeur",
    shortLabel: "Modifications demandées",
    payload: z.object({ messageId: id, submission: count, message: text }),
  },
  "application.approved": {
    subject: "Application",
    label: "Dossier approuvé, habilitation accordée",
    shortLabel: "Dossier approuvé",
    payload: z.object({ enrolmentId: id, profile: text, profileLabel: text, quotas, supersededEnrolmentId: id.nullable() }),
  },
  "application.refused": { subject: "Application", label: "Dossier refusé", payload: z.object({ kind: z.enum(["NEW", "AMENDMENT"]), submission: count, reason: text }) },
  "application.message_posted": {
    subject: "Application",
    label: "Message sur un dossier",
    shortLabel: "Message",
    payload: z.object({ side: z.enum(["editor", "reviewer"]), messageId: id, length: count }),
  },
  "review.assigned": {
    subject: "Application",
    label: "Dossier attribué à un instructeur",
    shortLabel: "Attribution du dossier",
    payload: z.object({ from: id.nullable(), to: id.nullable() }),
    audience: "ans",
  },
  "review.note_added": {
    subject: "Application",
    label: "Note interne ajoutée à un dossier",
    shortLabel: "Note interne ajoutée",
    payload: z.object({ noteId: id, length: count }),
    audience: "ans",
  },
  "enrolment.imported": {
    subject: "Enrolment",
    label: "Habilitation reprise de l'existant",
    payload: z.object({ importId: id, line: count, environment, siret: text }),
  },
  "enrolment.suspended": {
    subject: "Enrolment",
    label: "Habilitation suspendue",
    shortLabel: "Suspendue",
    payload: z.object({ from: text, to: text, serviceId: id, reason: text.nullable() }),
  },
  "enrolment.reinstated": {
    subject: "Enrolment",
    label: "Habilitation rétablie",
    shortLabel: "Rétablie",
    payload: z.object({ from: text, to: text, serviceId: id, reason: text.nullable() }),
  },
  "enrolment.revoked": {
    subject: "Enrolment",
    label: "Habilitation révoquée",
    shortLabel: "Révoquée",
    payload: z.object({ from: text, to: text, serviceId: id, reason: text.nullable() }),
  },
  "enrolment.superseded": {
    subject: "Enrolment",
    label: "Habilitation remplacée par une modification approuvée",
    shortLabel: "Remplacée par une modification approuvée",
    payload: z.object({ byApplicationId: id, from: text }),
  },
  "enrolment.quotas_changed": {
    subject: "Enrolment",
    label: "Quotas de niveau 2 d'une habilitation modifiés",
    shortLabel: "Quotas de niveau 2 modifiés",
    payload: z.object({
      from: z.object({ authenticatedPerSecond: count, publicPerSecond: count, reason: text.nullable().optional() }),
      to: z.object({ authenticatedPerSecond: count, publicPerSecond: count, reason: text.nullable().optional() }),
      serviceId: id,
      reason: text.nullable(),
    }),
  },
  "level1_quota.updated": { subject: "Level1QuotaSetting", label: "Quota de niveau 1 par API modifié", payload: z.object({ from: count, to: count }) },
  "gateway_api.created": {
    subject: "GatewayApi",
    label: "API du ROR ajoutée au catalogue de la passerelle",
    payload: z.object({ name: text, pathPrefix: text, kind: text, level1PerSecond: count }),
  },
  "gateway_api.updated": {
    subject: "GatewayApi",
    label: "API du ROR modifiée dans le catalogue de la passerelle",
    payload: z.object({ pathPrefix: text, changes }),
  },
  "gateway_api.retired": {
    subject: "GatewayApi",
    label: "API du ROR retirée du catalogue de la passerelle",
    payload: z.object({ name: text, pathPrefix: text }),
  },
  "api_token.created": { subject: "ApiToken", label: "Jeton d'API créé", payload: z.object({ name: text, scopes: z.array(text).optional() }) },
  "api_token.revoked": { subject: "ApiToken", label: "Jeton d'API révoqué", payload: none },
  "certificate.expiry_notice_sent": {
    subject: "Enrolment",
    label: "Avis d'expiration de certificat envoyé",
    payload: z.object({ fingerprintSha256: text, threshold: count, notAfter: instant }),
  },
  "certificate.expired": {
    subject: "Enrolment",
    label: "Certificat expiré retiré de la liste blanche",
    payload: z.object({ fingerprintSha256: text, threshold: count, notAfter: instant }),
  },
  "mail.failed": {
    subject: "OutboxMessage",
    label: "Courriel non distribué",
    payload: z.object({ kind: text, attempts: count, responseCode: count.nullable(), permanent: z.boolean() }),
    personal: email,
  },
  "mail.resent": { subject: "OutboxMessage", label: "Courriel renvoyé par un administrateur", payload: z.object({ kind: text, previousAttempts: count }), personal: email },
  "housekeeping.completed": {
    subject: null,
    label: "Nettoyage périodique des données effectué",
    payload: z.object({
      apiCalls: count,
      signInAttempts: count,
      rateWindows: count,
      expiredInvitations: count,
      expiredSigningLinks: count,
      personalData: count,
      deliveredMail: count,
      webhookDeliveries: count.optional(),
      accountLinks: count.optional(),
      accountRequests: count.optional(),
      proConnectAttempts: count.optional(),
      expiredCopyLinks: count.optional(),
      apiCallsBefore: instant,
      personalDataBefore: instant,
    }),
  },
  "attestation.reminder_sent": {
    subject: "Attestation",
    label: "Rappel de signature envoyé au client",
    shortLabel: "Rappel de signature envoyé",
    payload: z.object({ signatureId: id, roundId: id, day: count, expiresAt: instant }),
    personal: z.object({ clientEmail: text }),
  },
  "attestation.reminders_switched": {
    subject: "Attestation",
    label: "Rappels de signature activés ou désactivés",
    payload: z.object({ enabled: z.boolean() }),
  },
  "ans_account.created": { subject: "User", label: "Compte ANS créé", payload: z.object({ roles: z.array(text) }), personal: email },
  "ans_account.disabled": { subject: "User", label: "Compte ANS désactivé", payload: none, personal: email },
  "ans_account.enabled": { subject: "User", label: "Compte ANS réactivé", payload: none, personal: email },
  "ans_account.admin_granted": { subject: "User", label: "Rôle d'administrateur accordé", payload: none, personal: email },
  "ans_account.admin_removed": { subject: "User", label: "Rôle d'administrateur retiré", payload: none, personal: email },
  "webhook.subscription_created": {
    subject: "WebhookSubscription",
    label: "Abonnement aux webhooks créé",
    payload: z.object({ name: text, host: text, eventTypes: z.array(text) }),
  },
  "webhook.subscription_updated": { subject: "WebhookSubscription", label: "Abonnement aux webhooks modifié", payload: z.object({ changes }) },
  "webhook.subscription_disabled": {
    subject: "WebhookSubscription",
    label: "Abonnement aux webhooks désactivé",
    payload: z.object({ reason: z.enum(["administrator", "failures"]), consecutiveFailures: count }),
  },
  "webhook.subscription_enabled": { subject: "WebhookSubscription", label: "Abonnement aux webhooks réactivé", payload: z.object({ previousReason: text.nullable() }) },
  "webhook.secret_rotated": {
    subject: "WebhookSubscription",
    label: "Secret de signature des webhooks renouvelé",
    payload: z.object({ overlapHours: count, previousSecretUntil: instant.nullable(), provided: z.boolean() }),
  },
  "webhook.delivery_replayed": {
    subject: "WebhookDelivery",
    label: "Webhook renvoyé par un administrateur",
    payload: z.object({ subscriptionId: id, type: text, previousStatus: text, attempts: count }),
  },
  "webhook.delivery_failed": {
    subject: "WebhookDelivery",
    label: "Webhook non distribué",
    payload: z.object({ subscriptionId: id, type: text, attempts: count, statusCode: count.nullable() }),
  },
  "ans_account.password_reset": { subject: "User", label: "Mot de passe d'un compte ANS réinitialisé", payload: none, personal: email },
  "editor_account.disabled": { subject: "User", label: "Compte d'éditeur désactivé", payload: none, personal: z.object({ email: text, reason: text }) },
  "editor_account.enabled": { subject: "User", label: "Compte d'éditeur réactivé", payload: none, personal: z.object({ email: text, reason: text }) },
  "message_template.created": { subject: "MessageTemplate", label: "Modèle de message créé", payload: z.object({ title: text, bodyLength: count }) },
  "message_template.updated": {
    subject: "MessageTemplate",
    label: "Modèle de message modifié",
    payload: z.object({ title: text, changes: z.array(z.enum(["title", "body"])), bodyLength: count }),
  },
  "message_template.deleted": { subject: "MessageTemplate", label: "Modèle de message supprimé", payload: z.object({ title: text }) },
  "audit_log.exported": {
    subject: null,
    label: "Journal exporté en CSV",
    payload: z.object({ type: text.nullable(), from: text.nullable(), to: text.nullable(), organization: text }),
    personal: z.object({ actorEmail: text }),
  },
});

export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export const eventName = z.enum(EVENT_NAMES as [EventName, ...EventName[]]);

type Def<N extends EventName> = (typeof EVENTS)[N];
export type EventPayload<N extends EventName> = z.input<Def<N>["payload"]>;
export type EventPersonal<N extends EventName> = Def<N> extends { personal: z.ZodType } ? z.input<Def<N>["personal"]> : never;

/** The French label of a stored name (a name no longer in the catalogue is shown as stored). */
export function eventLabel(name: string): string {
  const known = eventName.safeParse(name);
  return known.success ? EVENTS[known.data].label : name;
}

/** The label inside the subject's own history (its full label when it has no shorter one). */
export function eventShortLabel(name: string): string {
  const known = eventName.safeParse(name);
  if (!known.success) return name;
  const definition: Definition = EVENTS[known.data];
  return definition.shortLabel ?? definition.label;
}

/** Whether a stored event is of ANS's side alone (never shown or sent to an editor). Unknown names count as such. */
export function isAnsOnlyEvent(name: string): boolean {
  const known = eventName.safeParse(name);
  if (!known.success) return true;
  const definition: Definition = EVENTS[known.data];
  return definition.audience === "ans";
}
