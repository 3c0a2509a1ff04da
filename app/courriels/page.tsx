import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/layout/PageHeading";
import { MailText } from "@/components/mail/MailText";
import { Alert } from "@/components/ui/Alert";
import { developmentMailbox, isDevelopmentMailboxEnabled } from "@/lib/mail/mailbox.server";
import { formatDateTime } from "@/lib/time";

// Without MAIL_DEV_MAILBOX=on the page does not exist: not even its title shows.
export function generateMetadata(): Metadata {
  return isDevelopmentMailboxEnabled() ? { title: "Boîte de réception de développement" } : {};
}

export default async function DevelopmentMailboxPage({ searchParams }: { searchParams: Promise<{ a?: string }> }) {
  const { a } = await searchParams;
  const messages = await developmentMailbox({ to: a });
  if (!messages) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <PageHeading title="Boîte de réception de développement" lead="Les courriels mis en file d'attente par le portail." />
      <Alert variant="warning" title="Environnement de démonstration">
        Cette page n&apos;existe que lorsque MAIL_DEV_MAILBOX=on, réglage refusé en production (PORTAL_MODE=production).
        Toute personne qui atteint ce portail y lit les courriels.
      </Alert>
      {messages.length === 0 ? (
        <p className="mt-8">Aucun courriel.</p>
      ) : (
        <ol className="mt-8 space-y-6">
          {messages.map((m) => (
            <li key={m.id}>
              <article aria-labelledby={`courriel-${m.id}`} className="rounded border border-grey-200 p-4">
                <h2 id={`courriel-${m.id}`} className="text-lg font-bold">
                  {m.subject}
                </h2>
                <p className="text-sm text-grey-600">
                  À {m.to} · {formatDateTime(m.createdAt)}
                </p>
                <MailText text={m.text} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
