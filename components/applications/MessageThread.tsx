import { cx } from "../ui/cx";

export type ThreadMessage = { id: string; side: "EDITOR" | "REVIEWER"; authorName: string; body: string; when: string };

/** The messages between the editor and the ANS reviewers, oldest first; each says who wrote it and for which side. */
export function MessageThread({ messages, ownSide }: { messages: readonly ThreadMessage[]; ownSide: "EDITOR" | "REVIEWER" }) {
  if (messages.length === 0) return <p className="mb-6 text-grey-800">Aucun message pour l&apos;instant.</p>;
  return (
    <ol className="mb-6 space-y-4">
      {messages.map((m) => (
        <li key={m.id}>
          <article
            aria-label={`Message de ${m.authorName}, ${m.when}`}
            className={cx("border-l-4 p-4", m.side === ownSide ? "border-primary bg-grey-50" : "border-warning bg-warning-light")}
          >
            <p className="text-sm text-grey-800">
              <span className="font-bold text-grey-950">{m.authorName}</span> ({m.side === "REVIEWER" ? "instruction ANS" : "éditeur"}) — {m.when}
            </p>
            <p className="mt-2 whitespace-pre-line break-words">{m.body}</p>
          </article>
        </li>
      ))}
    </ol>
  );
}
