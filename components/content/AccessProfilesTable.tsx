import { cx } from "../ui/cx";

export type AccessProfilesTableProps = {
  caption?: string;
  className?: string;
};

// Profiles of charter v0.1 (static text for the public pages).
const profiles: { profile: string; access: string }[] = [
  { profile: "0", access: "Données en libre accès uniquement." },
  { profile: "1", access: "Toutes les données restreintes et très restreintes." },
  { profile: "2", access: "Données restreintes, sans les données très restreintes." },
  {
    profile: "3",
    access:
      "Données restreintes du champ social et médico-social (sans les données très restreintes) ; pour le champ sanitaire (établissements et exercice libéral), données en libre accès uniquement.",
  },
  { profile: "4", access: "Toutes les données d'une structure (profil de l'administrateur de la structure)." },
];

/**
 * The access profiles as published in version 0.1 of the ROR data-access charter, for the public pages.
 * Static text on purpose: the profiles the portal actually grants come from ANS's catalogue.
 */
export function AccessProfilesTable({
  caption = "Profils d'accès définis par la charte, version 0.1",
  className,
}: AccessProfilesTableProps) {
  return (
    <div className={cx("overflow-x-auto", className)}>
      <table className="w-full border-collapse text-left">
        <caption className="mb-3 text-left font-bold text-grey-950">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-grey-950 bg-grey-50">
            <th scope="col" className="px-4 py-3 font-bold">
              Profil
            </th>
            <th scope="col" className="px-4 py-3 font-bold">
              Données accessibles
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((row) => (
            <tr key={row.profile} className="border-b border-grey-200 align-top">
              <th scope="row" className="whitespace-nowrap px-4 py-3 font-bold">
                Profil {row.profile}
              </th>
              <td className="px-4 py-3">{row.access}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
