import { wordDiff, type DiffPart } from "@/lib/text-diff";
import { LongText } from "../ui/LongText";

function Parts({ parts, as: Mark, markClassName }: { parts: DiffPart[]; as: "del" | "ins"; markClassName: string }) {
  return (
    <>
      {parts.map((part, index) =>
        part.changed ? (
          <Mark key={index} className={markClassName}>
            <LongText text={part.text} />
          </Mark>
        ) : (
          <LongText key={index} text={part.text} />
        ),
      )}
    </>
  );
}

const REMOVED = "bg-error-light text-grey-950";
const ADDED = "bg-success-light font-semibold text-grey-950 no-underline";

/**
 * One side of a change: the words removed (before) or added (after) are marked, the rest is plain. Without the other
 * side (an added or removed item), the whole text is marked.
 */
export function ChangedText({ side, before, after }: { side: "before" | "after"; before: string | null; after: string | null }) {
  const text = side === "before" ? before : after;
  if (text === null) return <>—</>;
  const other = side === "before" ? after : before;
  const mark = side === "before" ? ("del" as const) : ("ins" as const);
  const className = side === "before" ? REMOVED : ADDED;
  if (other === null) return <Parts parts={[{ text, changed: true }]} as={mark} markClassName={className} />;
  const diff = wordDiff(before!, after!);
  return <Parts parts={side === "before" ? diff.before : diff.after} as={mark} markClassName={className} />;
}
