"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UploadOutcome } from "@/lib/uploads/upload-answer";

export type UploadProgressState = {
  /** What is being sent, as shown: a file name, or the first and how many others. */
  label: string;
  /** The files' total size, as chosen. */
  fileBytes: number;
  /** Bytes of the request sent so far, and its whole size (files plus form framing). */
  loaded: number;
  total: number;
  /** "sending" while bytes go out; "processing" once all are sent and the server checks them. */
  phase: "sending" | "processing";
};

/**
 * Sends a form's FormData with XMLHttpRequest, whose upload events give a real progress (fetch has none), and can
 * cancel it. The answer is handed back as it came; the form turns it into what it shows (lib/uploads/upload-answer.ts).
 */
export function useUpload() {
  const [progress, setProgress] = useState<UploadProgressState | null>(null);
  const current = useRef<XMLHttpRequest | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const send = useCallback(
    (url: string, body: FormData, what: { label: string; fileBytes: number }) =>
      new Promise<UploadOutcome>((resolve) => {
        const xhr = new XMLHttpRequest();
        current.current = xhr;
        const finish = (outcome: UploadOutcome) => {
          current.current = null;
          setProgress(null);
          resolve(outcome);
        };
        xhr.open("POST", url);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.upload.addEventListener("progress", (event) => {
          setProgress((state) => state && { ...state, loaded: event.loaded, total: event.lengthComputable ? event.total : state.total });
        });
        xhr.upload.addEventListener("load", () => setProgress((state) => state && { ...state, loaded: state.total, phase: "processing" }));
        xhr.addEventListener("load", () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(xhr.responseText);
          } catch {
            // not JSON: the form shows the unexpected-answer message
          }
          finish({ kind: "answer", status: xhr.status, body: parsed });
        });
        xhr.addEventListener("error", () => finish({ kind: "failed" }));
        xhr.addEventListener("abort", () => finish({ kind: "cancelled" }));
        setProgress({ label: what.label, fileBytes: what.fileBytes, loaded: 0, total: Math.max(1, what.fileBytes), phase: "sending" });
        xhr.send(body);
      }),
    [],
  );
  const cancel = useCallback(() => current.current?.abort(), []);
  return { progress, send, cancel, busy: progress !== null };
}
