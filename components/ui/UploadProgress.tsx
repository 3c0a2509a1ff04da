import { useId } from "react";
import { announcedPercent } from "@/lib/uploads/upload-answer";
import { formatBytes } from "@/lib/uploads/upload-rules";
import { Button } from "./Button";

export type UploadProgressProps = {
  /** The file name, or "a.pdf et 2 autres fichiers". */
  label: string;
  /** The chosen files' total size. */
  fileBytes: number;
  loaded: number;
  total: number;
  phase: "sending" | "processing";
  onCancel: () => void;
};

/**
 * The progress of an upload: what is sent and its size, a progress bar with its percentage, and a cancel button
 * while bytes go out. A polite live region tells screen readers every quarter, then that the server is checking.
 */
export function UploadProgress({ label, fileBytes, loaded, total, phase, onCancel }: UploadProgressProps) {
  const titleId = useId();
  const percent = phase === "processing" ? 100 : Math.min(100, Math.floor((loaded / Math.max(1, total)) * 100));
  const announcement =
    phase === "processing" ? `Envoi de ${label} terminé. Vérification en cours…` : `Envoi de ${label} : ${announcedPercent(percent)} %.`;
  return (
    <div className="space-y-2 border-l-4 border-primary bg-primary-light px-4 py-3">
      <p id={titleId} className="font-medium">
        {phase === "processing" ? "Fichier envoyé, vérification en cours…" : "Envoi en cours"} : <span className="break-all">{label}</span> (
        {formatBytes(fileBytes)})
      </p>
      <div className="flex items-center gap-3">
        {phase === "processing" ? (
          <progress aria-labelledby={titleId} className="h-3 w-full max-w-md accent-primary" />
        ) : (
          <progress aria-labelledby={titleId} max={100} value={percent} className="h-3 w-full max-w-md accent-primary" />
        )}
        <span aria-hidden="true" className="w-12 text-right tabular-nums">
          {percent} %
        </span>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {phase === "sending" ? (
        <Button type="button" variant="secondary" size="sm" onClick={onCancel}>
          Annuler l&apos;envoi<span className="sr-only"> de {label}</span>
        </Button>
      ) : null}
    </div>
  );
}
