import { Webhook } from "standardwebhooks";
import { secretBytes } from "./secret-rules";

// Pure: the Standard Webhooks headers of one try (ADR 0032). Each try signs
// `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 under every secret in force, so that during a rotation
// the receiver accepts the message with either the old or the new one.

/** `msg_` + the delivery's id: the same on every try and on a replay, so receivers can drop what they already took. */
export function webhookId(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll("-", "")}`;
}

export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** The three headers of one try, signed with each secret given (the current one first). */
export function signWebhook(input: { id: string; at: Date; body: string; secrets: readonly string[] }): SignedHeaders {
  if (input.secrets.length === 0) throw new Error("no secret to sign with");
  const signatures = input.secrets.map((secret) => new Webhook(secretBytes(secret), { format: "raw" }).sign(input.id, input.at, input.body));
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(Math.floor(input.at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

/** The secrets to sign with at `now`: the current one, and the previous one while its overlap lasts. */
export function secretsInForce(subscription: { secret: string; previousSecret: string | null; previousSecretUntil: Date | null }, now: Date): string[] {
  const previousValid = subscription.previousSecret !== null && subscription.previousSecretUntil !== null && subscription.previousSecretUntil.getTime() > now.getTime();
  return previousValid ? [subscription.secret, subscription.previousSecret!] : [subscription.secret];
}
