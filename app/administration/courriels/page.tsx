import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { PageHeading } from "@/components/layout/PageHeading";
import { Alert } from "@/components/ui/Alert";
import { requirePermission } from "@/lib/auth/session.server";
import { listFailedMail } from "@/lib/mail/failed-mail.server";
import { formatDateTime } from "@/lib/time";
import { ResendButton } from "./resend-button";
import { TableScroll } from "@/components/ui/TableScroll";

export const metadata: Metadata = { title: "Courriels en échec" };

export default async function FailedMailPage({ searchParams }: { searchParams: Promise<{ renvoye?: string }> }) {
  const actor = await requirePermission({ type: "mail.manage" }, "/administration/courriels");
  const { messages, total } = await listFailedMail(actor);
  const { renvoye } = await searchParams;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <Breadcrumb items={[{ label: "Administration", href: "/administration" }, { label: "Courriels en échec" }]} />
      <PageHeading
        title="Courriels en échec"
        lead="Les courriels que le serveur SMTP a refusés définitivement (réponse 5xx) ou qui n'ont pas pu partir après 24 heures de nouvelles tentatives. Renvoyer un courriel relance une série de tentatives."
      />
      {typeof renvoye === "string" && renvoye !== "" ? (
        <Alert variant="success" title="Renvoi programmé" live className="mb-8">
          Le courriel à {renvoye} repart dans la file d&apos;envoi.
        </Alert>
      ) : null}
      <section aria-labelledby="echecs">
        <h2 id="echecs" className="text-2xl font-bold">
          {total === 0 ? "Aucun courriel en échec" : `${total} courriel${total > 1 ? "s" : ""} en échec`}
        </h2>
        {messages.length === 0 ? (
          <p className="mt-4">Tous les courriels sont partis ou en cours d&apos;envoi.</p>
        ) : (
          <TableScroll label="Courriels en échec, les plus récents d'abord" className="mt-4">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Courriels en échec, les plus récents d&apos;abord</caption>
              <thead>
                <tr className="border-b-2 border-neutral-800">
                  <th scope="col" className="py-2 pr-4">Destinataire</th>
                  <th scope="col" className="py-2 pr-4">Objet</th>
                  <th scope="col" className="py-2 pr-4">Dernière erreur</th>
                  <th scope="col" className="py-2 pr-4">Tentatives</th>
                  <th scope="col" className="py-2 pr-4">En échec depuis</th>
                  <th scope="col" className="py-2">Action</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} className="border-b border-neutral-300 align-top">
                    <td className="py-2 pr-4 break-all">{m.to}</td>
                    <td className="py-2 pr-4">{m.subject}</td>
                    <td className="py-2 pr-4 text-sm break-words">{m.lastError ?? "—"}</td>
                    <td className="py-2 pr-4">{m.attempts}</td>
                    <td className="py-2 pr-4">{m.failedAt ? formatDateTime(m.failedAt) : "—"}</td>
                    <td className="py-2">
                      <ResendButton id={m.id} to={m.to} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
