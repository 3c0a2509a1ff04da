import { mailText, type MailText } from "../mail/text";
import { plural } from "../vocabulary";

// Pure: what administrators are told when a subscription is disabled after failing too often.

export type DisabledMailContext = {
  name: string;
  host: string;
  failures: number;
  lastError: string | null;
  /** Absolute link to the subscription's page. */
  link: string;
};

export function subscriptionDisabledMail(c: DisabledMailContext): MailText {
  return mailText("webhook.subscription_disabled", `Webhooks désactivés : ${c.name}`, [
    `Bonjour,`,
    ``,
    `L'abonnement aux webhooks « ${c.name} » (${c.host}) a été désactivé automatiquement après ${plural(c.failures, "échec consécutif", "échecs consécutifs")} : le récepteur ne reçoit plus rien.`,
    ...(c.lastError ? [``, `Dernière erreur : ${c.lastError}`] : []),
    ``,
    `Une fois le récepteur réparé, réactivez l'abonnement et renvoyez les envois utiles depuis sa page :`,
    c.link,
  ]);
}
