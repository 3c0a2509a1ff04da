import { splitLongTokens } from "@/lib/text-diff";

/**
 * Text that wraps between words only, except its long unbroken tokens (fingerprints, serial numbers, URLs), which
 * may break anywhere to fit a narrow column: "ASIP-SANTE" or "restreintes" are never cut.
 */
export function LongText({ text }: { text: string }) {
  return (
    <span className="break-words">
      {splitLongTokens(text).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="wrap-anywhere">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
