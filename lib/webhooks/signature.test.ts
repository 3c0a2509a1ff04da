import { createHmac } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { parseProvidedSecret, secretBytes, secretFromBytes, SECRET_MESSAGES } from "./secret-rules";
import { secretsInForce, signWebhook, webhookId } from "./signature";

const secretA = secretFromBytes(new Uint8Array(32).fill(7));
const secretB = secretFromBytes(Uint8Array.from({ length: 40 }, (_, i) => i));
const body = JSON.stringify({ type: "enrolment.suspended", timestamp: "2026-12-01T10:00:00.000Z", data: { é: "ü" } });

describe("Standard Webhooks signatures", () => {
  it("signs id.timestamp.body with HMAC-SHA256, as the reference library verifies", () => {
    const at = new Date();
    const headers = signWebhook({ id: "msg_abc", at, body, secrets: [secretA] });
    expect(headers["webhook-id"]).toBe("msg_abc");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
    // The same HMAC computed by hand, from the specification.
    const expected = createHmac("sha256", Buffer.from(secretBytes(secretA))).update(`msg_abc.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(new Webhook(secretA).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("refuses a changed body, another secret, another id and a stale timestamp", () => {
    const headers = signWebhook({ id: "msg_abc", at: new Date(), body, secrets: [secretA] });
    expect(() => new Webhook(secretA).verify(body.replace("suspended", "revoked"), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secretB).verify(body, headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secretA).verify(body, { ...headers, "webhook-id": "msg_other" })).toThrow(WebhookVerificationError);
    const old = signWebhook({ id: "msg_abc", at: new Date(Date.now() - 10 * 60_000), body, secrets: [secretA] });
    expect(() => new Webhook(secretA).verify(body, old)).toThrow(/too old/);
  });

  it("sends both signatures during a rotation's overlap, so either secret verifies", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const subscription = { secret: secretB, previousSecret: secretA, previousSecretUntil: new Date("2026-12-02T10:00:00Z") };
    expect(secretsInForce(subscription, now)).toEqual([secretB, secretA]);
    expect(secretsInForce(subscription, new Date("2026-12-02T10:00:00Z"))).toEqual([secretB]);
    expect(secretsInForce({ secret: secretB, previousSecret: null, previousSecretUntil: null }, now)).toEqual([secretB]);
    const headers = signWebhook({ id: "msg_rot", at: new Date(), body, secrets: [secretB, secretA] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(new Webhook(secretA).verify(body, headers)).toBeTruthy();
    expect(new Webhook(secretB).verify(body, headers)).toBeTruthy();
  });

  it("names a delivery msg_ + its id, the same on every try", () => {
    expect(webhookId("2f4c7a9e-0b1d-4e6f-8a2b-3c4d5e6f7a8b")).toBe("msg_2f4c7a9e0b1d4e6f8a2b3c4d5e6f7a8b");
  });
});

describe("provided secrets", () => {
  it("takes whsec_ + base64 of 32 to 64 bytes, or text of 32 to 64 bytes, and keeps it in the whsec_ form", () => {
    expect(parseProvidedSecret(secretA)).toEqual({ ok: true, secret: secretA });
    const text = "une-phrase-secrete-de-trente-deux-octets-au-moins";
    const parsed = parseProvidedSecret(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Buffer.from(secretBytes(parsed.secret)).toString("utf8")).toBe(text);
    // "é" is two bytes: 16 of them make 32 bytes.
    expect(parseProvidedSecret("é".repeat(16)).ok).toBe(true);
  });

  it("refuses a secret shorter than 32 bytes, longer than 64, with spaces, or with bad base64, in French", () => {
    expect(parseProvidedSecret("trop-court")).toEqual({ ok: false, message: SECRET_MESSAGES.tooShort });
    expect(parseProvidedSecret(secretFromBytes(new Uint8Array(31)))).toEqual({ ok: false, message: SECRET_MESSAGES.tooShort });
    expect(parseProvidedSecret("x".repeat(31))).toEqual({ ok: false, message: SECRET_MESSAGES.tooShort });
    expect(parseProvidedSecret(secretFromBytes(new Uint8Array(65)))).toEqual({ ok: false, message: SECRET_MESSAGES.tooLong });
    expect(parseProvidedSecret("whsec_pas du base64 !")).toEqual({ ok: false, message: SECRET_MESSAGES.spaces });
    expect(parseProvidedSecret("whsec_***")).toEqual({ ok: false, message: SECRET_MESSAGES.badBase64 });
  });
});
