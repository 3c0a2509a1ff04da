"use client";

import { Button } from "../ui/Button";
import { usePageRequestId } from "./RequestReference";

export type ErrorNoticeProps = {
  /** Next's digest of a server error: the same one is in the log line of the failing request. */
  digest?: string;
  onRetry?: () => void;
};

/** The body of the error pages: what happened, what to do, and the references to give to support. */
export function ErrorNotice({ digest, onRetry }: ErrorNoticeProps) {
  const requestId = usePageRequestId();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-bold">Une erreur est survenue</h1>
      <p className="mt-4">
        La page n&apos;a pas pu être affichée. Ce qui était déjà enregistré ne l&apos;est pas moins ; vous pouvez réessayer dans
        un instant.
      </p>
      <div className="mt-6 border-l-4 border-primary bg-primary-light px-4 py-3">
        <p>Si l&apos;erreur persiste, écrivez au support de l&apos;espace de confiance en indiquant :</p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-bold">Identifiant de la requête</dt>
          <dd>
            <code className="break-all">{requestId ?? "indisponible"}</code>
          </dd>
          {digest ? (
            <>
              <dt className="font-bold">Référence de l&apos;erreur</dt>
              <dd>
                <code className="break-all">{digest}</code>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <p className="mt-6 flex flex-wrap gap-4">
        {onRetry ? (
          <Button type="button" onClick={onRetry}>
            Réessayer
          </Button>
        ) : null}
        {/* A plain link: after an error the client router may be the broken part. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="px-1 py-2 text-primary underline">
          Revenir à l&apos;accueil
        </a>
      </p>
    </div>
  );
}
