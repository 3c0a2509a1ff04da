import type { ReactNode } from "react";
import { SNAPSHOT_CHANGE_KIND_LABELS, type SnapshotChange } from "@/lib/applications/snapshot-diff";
import { formatDateTime } from "@/lib/time";
import { TableScroll } from "../ui/TableScroll";
import { ChangedText } from "./ChangedText";

/** A section of the dossier page, with its heading (h2) as its accessible name. */
export function DossierSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 border-t border-grey-200 pt-6">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Label/value pairs. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What changed since the previous submission, one row per change. */
export function ChangesTable({ changes, caption }: { changes: SnapshotChange[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="py-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950">
            <th scope="col" className="py-2 pr-4">Rubrique</th>
            <th scope="col" className="py-2 pr-4">Élément</th>
            <th scope="col" className="py-2 pr-4">Changement</th>
            <th scope="col" className="py-2 pr-4">Avant</th>
            <th scope="col" className="py-2">Après</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, index) => (
            <tr key={index} className="border-b border-grey-200 align-top">
              <td className="py-2 pr-4">{c.section}</td>
              <th scope="row" className="py-2 pr-4 font-semibold">{c.field}</th>
              <td className="py-2 pr-4">{SNAPSHOT_CHANGE_KIND_LABELS[c.kind]}</td>
              <td className="min-w-48 py-2 pr-4">
                <ChangedText side="before" before={c.before} after={c.after} />
              </td>
              <td className="min-w-48 py-2">
                <ChangedText side="after" before={c.before} after={c.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export type TimelineEntry = { id: string; label: string; occurredAt: Date; actorName: string | null; message: string | null };

/** Every event of the dossier, oldest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="space-y-3 border-l-2 border-grey-200 pl-4">
      {entries.map((e) => (
        <li key={e.id}>
          <p>
            <time dateTime={e.occurredAt.toISOString()} className="font-semibold">
              {formatDateTime(e.occurredAt)}
            </time>{" "}
            — {e.label}
            {e.actorName ? ` (${e.actorName})` : ""}
          </p>
          {e.message ? <p className="mt-1 whitespace-pre-wrap text-grey-800">{e.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export type ThreadMessage = { id: string; side: "EDITOR" | "REVIEWER"; authorName: string; body: string; createdAt: Date };

/** The exchanges between the ANS and the editor. */
export function MessageThread({ messages }: { messages: ThreadMessage[] }) {
  if (messages.length === 0) return <p>Aucun message pour le moment.</p>;
  return (
    <ol className="space-y-4">
      {messages.map((m) => (
        <li key={m.id} className={`border-l-4 p-3 ${m.side === "REVIEWER" ? "border-primary bg-primary-light" : "border-grey-400 bg-grey-50"}`}>
          <p className="text-sm">
            <span className="font-semibold">{m.authorName}</span> ({m.side === "REVIEWER" ? "ANS" : "éditeur"}),{" "}
            <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
          </p>
          <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

