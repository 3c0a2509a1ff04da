import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Pagination } from "@/components/review/Pagination";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import { plural } from "@/lib/vocabulary";
import { listDeliveries, type DeliveryLine } from "@/lib/webhooks/deliveries.server";
import { getSubscription } from "@/lib/webhooks/subscriptions.server";
import { webhookTypeLabel } from "@/lib/webhooks/types";
import { ActivationButton, EditSubscriptionForm, ReplayButton, RotateSecretForm } from "../subscription-forms";

export const metadata: Metadata = { title: "Abonnement aux webhooks" };

const STATUS_LABELS: Record<DeliveryLine["status"], string> = { PENDING: "En attente", DELIVERED: "Remis", FAILED: "En échec" };

function statusText(d: DeliveryLine): string {
  if (d.status === "DELIVERED" && d.deliveredAt) return `Remis le ${formatDateTime(d.deliveredAt)}`;
  if (d.status === "FAILED" && d.failedAt) return `En échec depuis le ${formatDateTime(d.failedAt)}`;
  if (d.status === "PENDING" && d.nextAttemptAt) return `En attente, nouvel essai le ${formatDateTime(d.nextAttemptAt)}`;
  return STATUS_LABELS[d.status];
}

function answerText(statusCode: number | null, error: string | null): string {
  if (statusCode !== null) return `HTTP ${statusCode}${error ? ` — ${error}` : ""}`;
  return error ?? "—";
}

export default async function SubscriptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ subscriptionId: string }>;
  searchParams: Promise<{ page?: string; enregistre?: string; desactive?: string; reactive?: string }>;
}) {
  const { subscriptionId } = await params;
  const path = `/administration/webhooks/${encodeURIComponent(subscriptionId)}`;
  const actor = await requirePermission({ type: "webhook.manage" }, path);
  const query = await searchParams;
  const found = await Promise.all([getSubscription(actor, subscriptionId), listDeliveries(actor, subscriptionId, Number(query.page ?? 1))]).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [subscription, log] = found;
  const active = subscription.status === "ACTIVE";
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Webhooks", href: "/administration/webhooks" }, { label: subscription.name }]} />
      <PageHeading title={`Abonnement « ${subscription.name} »`} lead={`Envois signés vers ${subscription.host}.`} />
      {query.enregistre ? (
        <Alert variant="success" title="Abonnement enregistré" live className="mb-8">
          Les prochains envois suivent ces réglages.
        </Alert>
      ) : null}
      {query.desactive ? (
        <Alert variant="success" title="Abonnement désactivé" live className="mb-8">
          Plus rien n&apos;est envoyé à ce récepteur ; les envois en attente sont abandonnés.
        </Alert>
      ) : null}
      {query.reactive ? (
        <Alert variant="success" title="Abonnement réactivé" live className="mb-8">
          Les prochains événements lui sont envoyés ; renvoyez au besoin ceux qu&apos;il a manqués.
        </Alert>
      ) : null}
      {!active && subscription.disabledReason === "failures" ? (
        <Alert variant="warning" title="Désactivé après des échecs répétés" className="mb-8">
          Le récepteur a échoué {plural(subscription.consecutiveFailures, "fois", "fois")} de suite. Réparez-le, puis réactivez l&apos;abonnement.
        </Alert>
      ) : null}

      <section aria-labelledby="etat">
        <h2 id="etat" className="text-2xl font-bold">
          État
        </h2>
        <dl className="mt-4 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
          <dt className="font-medium">URL du récepteur</dt>
          <dd className="font-mono text-sm break-all">{subscription.url}</dd>
          <dt className="font-medium">Statut</dt>
          <dd>
            {active
              ? "Actif"
              : `Désactivé le ${subscription.disabledAt ? formatDateTime(subscription.disabledAt) : "—"}${subscription.disabledReason === "failures" ? " après des échecs répétés" : " par un administrateur"}`}
          </dd>
          <dt className="font-medium">Échecs consécutifs</dt>
          <dd>{subscription.consecutiveFailures} (désactivation à 50)</dd>
          <dt className="font-medium">Événements reçus</dt>
          <dd>
            <ul className="list-disc pl-6">
              {subscription.eventTypes.map((type) => (
                <li key={type}>{webhookTypeLabel(type)}</li>
              ))}
            </ul>
          </dd>
          <dt className="font-medium">Secret</dt>
          <dd>
            {subscription.secretRotatedAt ? `Renouvelé le ${formatDateTime(subscription.secretRotatedAt)}` : `Créé le ${formatDateTime(subscription.createdAt)}`}
            {subscription.previousSecretUntil ? ` ; l'ancien signe encore jusqu'au ${formatDateTime(subscription.previousSecretUntil)}` : ""}
          </dd>
        </dl>
        <div className="mt-6">
          <ActivationButton subscriptionId={subscription.id} version={subscription.version} active={active} name={subscription.name} />
        </div>
      </section>

      <section aria-labelledby="envois" className="mt-12">
        <h2 id="envois" className="text-2xl font-bold">
          Envois ({log.total})
        </h2>
        {log.deliveries.length === 0 ? (
          <p className="mt-4">Aucun envoi pour l&apos;instant : ils apparaissent ici dès qu&apos;un événement choisi se produit.</p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Envois de l&apos;abonnement, les plus récents d&apos;abord, page {log.page} sur {log.pages}</caption>
              <thead>
                <tr className="border-b-2 border-neutral-800">
                  <th scope="col" className="py-2 pr-4">Événement</th>
                  <th scope="col" className="py-2 pr-4">État</th>
                  <th scope="col" className="py-2 pr-4">Tentatives</th>
                  <th scope="col" className="py-2 pr-4">Dernière réponse</th>
                  <th scope="col" className="py-2 pr-4">Durée</th>
                  <th scope="col" className="py-2">Action</th>
                </tr>
              </thead>
              <tbody>
                {log.deliveries.map((d) => (
                  <tr key={d.id} className="border-b border-neutral-300 align-top">
                    <td className="py-2 pr-4">
                      <span className="font-medium">{webhookTypeLabel(d.type)}</span>
                      {d.about ? <span className="block">{d.about}</span> : null}
                      <span className="block text-sm text-grey-800">
                        {formatDateTime(d.createdAt)} · <span className="font-mono">{d.webhookId}</span>
                      </span>
                    </td>
                    <td className="py-2 pr-4">{statusText(d)}</td>
                    <td className="py-2 pr-4">
                      {d.attempts}
                      {d.tries.length > 0 ? (
                        <details className="mt-1">
                          <summary className="cursor-pointer text-sm">
                            Journal<span className="sr-only"> des tentatives de {d.webhookId}</span>
                          </summary>
                          <ol className="mt-2 space-y-2 text-sm">
                            {d.tries.map((t) => (
                              <li key={t.number}>
                                n° {t.number}, {formatDateTime(t.startedAt)}, {t.durationMs} ms : {answerText(t.statusCode, t.error)}
                                {t.replayed ? " (renvoi manuel)" : ""}
                                {t.responseExcerpt ? <span className="block font-mono break-all">{t.responseExcerpt.slice(0, 200)}</span> : null}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : null}
                    </td>
                    <td className="py-2 pr-4 text-sm break-words">{d.attempts === 0 ? "—" : answerText(d.lastStatusCode, d.lastError)}</td>
                    <td className="py-2 pr-4">{d.lastDurationMs === null ? "—" : `${d.lastDurationMs} ms`}</td>
                    <td className="py-2">{active ? <ReplayButton subscriptionId={subscription.id} deliveryId={d.id} label={d.webhookId} /> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={log.page} pageCount={log.pages} hrefOf={(p) => `${path}?page=${p}`} label="Pages des envois" />
      </section>

      <section aria-labelledby="modifier" className="mt-12">
        <h2 id="modifier" className="text-2xl font-bold">
          Modifier l&apos;abonnement
        </h2>
        <div className="mt-6">
          <EditSubscriptionForm
            subscriptionId={subscription.id}
            defaultValues={{ name: subscription.name, url: subscription.url, eventTypes: subscription.eventTypes, version: subscription.version }}
          />
        </div>
      </section>

      <section aria-labelledby="secret" className="mt-12">
        <h2 id="secret" className="text-2xl font-bold">
          Renouveler le secret
        </h2>
        <div className="mt-6">
          <RotateSecretForm subscriptionId={subscription.id} version={subscription.version} />
        </div>
      </section>
    </div>
  );
}
