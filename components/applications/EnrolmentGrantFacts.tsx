import { LongText } from "../ui/LongText";

export type GrantFacts = {
  profileLabel: string;
  quotas: { authenticated: number; public: number; reason: string | null };
  approvedOn: string;
  approvedBy: string;
  urls: readonly { environmentLabel: string; url: string }[];
  certificates: readonly { environmentLabel: string; subjectDn: string; fingerprintSha256: string; fingerprintSha1: string; validUntil: string }[];
};

/** What an approval granted, frozen: profile, quotas, URLs and certificate fingerprints. */
export function EnrolmentGrantFacts({ grant }: { grant: GrantFacts }) {
  return (
    <div>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Profil d&apos;accès accordé</dt>
        <dd>{grant.profileLabel}</dd>
        <dt className="font-bold">Quotas de niveau 2</dt>
        <dd>
          {grant.quotas.authenticated} appels par seconde authentifiés, {grant.quotas.public} appels par seconde publics
          {grant.quotas.reason ? <span className="block text-grey-800">Motif : {grant.quotas.reason}</span> : null}
        </dd>
        <dt className="font-bold">Accordée le</dt>
        <dd>
          {grant.approvedOn}, par {grant.approvedBy}
        </dd>
        <dt className="font-bold">URL</dt>
        <dd>
          {grant.urls.length === 0 ? (
            "Aucune"
          ) : (
            <ul className="space-y-1">
              {grant.urls.map((u) => (
                <li key={`${u.environmentLabel}-${u.url}`}>
                  <span className="text-grey-800">{u.environmentLabel} :</span> <span className="font-mono text-sm break-all">{u.url}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt className="font-bold">Certificats</dt>
        <dd>
          {grant.certificates.length === 0 ? (
            "Aucun"
          ) : (
            <ul className="space-y-3">
              {grant.certificates.map((c) => (
                <li key={c.fingerprintSha256}>
                  <span className="block">
                    <LongText text={c.subjectDn} />
                  </span>
                  <span className="block text-sm text-grey-800">
                    {c.environmentLabel}, valide jusqu&apos;au {c.validUntil}
                  </span>
                  <span className="block font-mono text-sm break-all">SHA-256 : {c.fingerprintSha256}</span>
                  <span className="block font-mono text-sm break-all">SHA-1 : {c.fingerprintSha1}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </div>
  );
}
