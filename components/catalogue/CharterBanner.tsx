import Link from "next/link";
import { Alert } from "../ui/Alert";
import { ofWord } from "@/lib/vocabulary";

export type CharterBannerNotice = {
  organizationId: string;
  legalName: string;
  version: string;
  canAccept: boolean;
  legalRepresentatives: string[];
};

function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} ou ${list.at(-1)}`;
}

/**
 * Warning shown in the editor space while an organisation has not accepted the current charter version:
 * legal representatives get the link to accept it, members learn who must.
 */
export function CharterBanner({ notices, className }: { notices: readonly CharterBannerNotice[]; className?: string }) {
  if (notices.length === 0) return null;
  const several = notices.length > 1;
  return (
    <div className={className}>
      {notices.map((notice) => {
        const href = several ? `/editeur/charte?organisation=${encodeURIComponent(notice.organizationId)}` : "/editeur/charte";
        return (
          <Alert
            key={notice.organizationId}
            variant="warning"
            titleAs="h2"
            title={`Charte d'accès aux données du ROR, version ${notice.version} : acceptation requise`}
            className="mb-4"
          >
            {notice.canAccept ? (
              <>
                <p>
                  En tant que représentant légal de {notice.legalName}, vous devez lire et accepter la version{" "}
                  {notice.version} de la charte. Tant qu&apos;elle n&apos;est pas acceptée, vos demandes
                  d&apos;adhésion ne peuvent pas être soumises.
                </p>
                <p>
                  <Link href={href} className="font-medium">
                    Lire et accepter la charte, version {notice.version}
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p>
                  {notice.legalRepresentatives.length > 0
                    ? `Le représentant légal ${ofWord(notice.legalName)} (${names(notice.legalRepresentatives)}) doit accepter la version ${notice.version} de la charte.`
                    : `Un représentant légal ${ofWord(notice.legalName)} doit accepter la version ${notice.version} de la charte ; aucun n'est encore désigné.`}{" "}
                  Tant qu&apos;elle n&apos;est pas acceptée, vos demandes d&apos;adhésion ne peuvent pas être soumises.
                </p>
                <p>
                  <Link href={href} className="font-medium">
                    Consulter la charte, version {notice.version}
                  </Link>
                </p>
              </>
            )}
          </Alert>
        );
      })}
    </div>
  );
}
