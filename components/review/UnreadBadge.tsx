/** "Nouveau": something happened on the dossier since the person last opened it (ADR 0035). */
export function UnreadBadge() {
  return <span className="ml-2 inline-block whitespace-nowrap bg-primary px-1.5 py-0.5 text-xs font-bold uppercase text-white">nouveau</span>;
}
