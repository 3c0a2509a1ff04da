import type { DeclaredService } from "@/lib/services/service-schema";

export type ServiceFactsProps = Omit<DeclaredService, "id"> & {
  profile: { label: string; description: string; requiresCertificate: boolean; active: boolean };
  createdOn: string;
  updatedOn: string;
};

/** What an editor declared about a service, as a definition list. Every text is shown as typed (escaped by React). */
export function ServiceFacts(props: ServiceFactsProps) {
  const row = "border-b border-grey-200 py-3 sm:grid sm:grid-cols-[minmax(0,16rem)_1fr] sm:gap-6";
  return (
    <dl className="border-t border-grey-200">
      <div className={row}>
        <dt className="font-bold">Nom du service</dt>
        <dd className="break-words">{props.name}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Logiciel</dt>
        <dd className="break-words">
          {props.softwareName}, version {props.softwareVersion}
        </dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Description</dt>
        <dd className="break-words whitespace-pre-line">{props.description}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Finalité</dt>
        <dd>{props.purposes.join(", ")}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Utilisateurs du service</dt>
        <dd className="break-words whitespace-pre-line">{props.users}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Profil d&apos;accès demandé</dt>
        <dd>
          <p className="font-medium">
            {props.profile.label}
            {!props.profile.active && " (ce profil n'est plus proposé : choisissez-en un autre en modifiant le service)"}
          </p>
          <p className="mt-1 text-grey-800">{props.profile.description}</p>
          <p className="mt-1 text-sm text-grey-600">
            {props.profile.requiresCertificate ? "Ce profil requiert un certificat IGC Santé." : "Ce profil ne requiert pas de certificat."}
          </p>
        </dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Justification du profil</dt>
        <dd className="break-words whitespace-pre-line">{props.profileJustification}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">API du ROR appelées</dt>
        <dd>{props.apis.join(", ")}</dd>
      </div>
      <div className={row}>
        <dt className="font-bold">Déclaré le</dt>
        <dd>
          {props.createdOn}
          {props.updatedOn !== props.createdOn ? ` (modifié le ${props.updatedOn})` : ""}
        </dd>
      </div>
    </dl>
  );
}
