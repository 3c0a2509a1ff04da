const tones: Record<string, string> = {
  DRAFT: "bg-grey-100 text-grey-950",
  AWAITING_SIGNATURES: "bg-info-light text-info",
  DECLINED: "bg-error-light text-error",
  SIGNED: "bg-info-light text-info",
  SEALED: "bg-success-light text-success",
  CANCELLED: "bg-grey-100 text-grey-800",
};

/** The state of an attestation, as a coloured label (the text carries the meaning, not the colour). */
export function AttestationStatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`inline-block rounded px-2 py-1 text-sm font-bold ${tones[status] ?? tones.DRAFT}`}>{label}</span>;
}
