import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { requirePermission } from "@/lib/auth/session.server";
import { formatDateTime } from "@/lib/time";
import { plural } from "@/lib/vocabulary";
import { listSubscriptions } from "@/lib/webhooks/subscriptions.server";
import { CreateSubscriptionForm } from "./subscription-forms";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requirePermission({ type: "webhook.manage" }, "/administration/webhooks");
  const subscriptions = await listSubscriptions(actor);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Webhooks" }]} />
      <PageHeading
        title="Webhooks"
        lead="La passerelle du ROR et les outils de l'ANS sont prévenus par un appel HTTPS signé (Standard Webhooks) dès qu'un dossier est approuvé, qu'une habilitation change ou que la liste blanche est modifiée, au lieu d'interroger le portail. Chaque envoi est réessayé pendant 24 heures."
      />
      <section aria-labelledby="abonnements" className="mt-8">
        <h2 id="abonnements" className="text-2xl font-bold">
          Abonnements ({subscriptions.length})
        </h2>
        {subscriptions.length === 0 ? (
          <p className="mt-4">Aucun abonnement pour l&apos;instant.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Abonnements aux webhooks, les actifs d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-neutral-800">
                  <th scope="col" className="py-2 pr-4">Nom</th>
                  <th scope="col" className="py-2 pr-4">Récepteur</th>
                  <th scope="col" className="py-2 pr-4">Événements</th>
                  <th scope="col" className="py-2 pr-4">Envois</th>
                  <th scope="col" className="py-2">État</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((s) => (
                  <tr key={s.id} className="border-b border-neutral-300 align-top">
                    <td className="py-2 pr-4">
                      <Link href={`/administration/webhooks/${s.id}`}>{s.name}</Link>
                    </td>
                    <td className="py-2 pr-4 font-mono text-sm break-all">{s.host}</td>
                    <td className="py-2 pr-4">{plural(s.eventTypes.length, "type", "types")}</td>
                    <td className="py-2 pr-4">
                      {plural(s.deliveries.delivered, "remis", "remis")}, {plural(s.deliveries.pending, "en attente", "en attente")}, {plural(s.deliveries.failed, "en échec", "en échec")}
                      {s.lastDeliveryAt ? <span className="block text-sm text-grey-800">dernier le {formatDateTime(s.lastDeliveryAt)}</span> : null}
                    </td>
                    <td className="py-2">{s.status === "ACTIVE" ? "Actif" : `Désactivé${s.disabledReason === "failures" ? " après des échecs répétés" : ""}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="nouvel-abonnement" className="mt-12">
        <h2 id="nouvel-abonnement" className="text-2xl font-bold">
          Créer un abonnement
        </h2>
        <p className="mt-2 max-w-3xl">
          Le récepteur vérifie chaque envoi avec le secret de l&apos;abonnement (en-têtes webhook-id, webhook-timestamp et webhook-signature, HMAC-SHA256) et
          répond par un code 2xx en moins de 10 secondes. Sinon l&apos;envoi est réessayé ; après 50 échecs consécutifs, l&apos;abonnement est désactivé et
          les administrateurs sont prévenus par courriel.
        </p>
        <div className="mt-6">
          <CreateSubscriptionForm />
        </div>
      </section>
    </div>
  );
}
