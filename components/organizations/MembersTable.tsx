import type { ReactNode } from "react";
import { TableScroll } from "../ui/TableScroll";

export type MemberRow = {
  membershipId: string;
  name: string;
  email: string;
  isLegalRepresentative: boolean;
  active: boolean;
  isActor: boolean;
  /** Buttons for this member, when the viewer may manage roles. */
  actions?: ReactNode;
};

/** The people of an organisation and their role; an "Actions" column when `showActions` is set. */
export function MembersTable({ members, showActions }: { members: MemberRow[]; showActions: boolean }) {
  return (
    <TableScroll label="Membres de l'organisation et leur rôle">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Membres de l&apos;organisation et leur rôle</caption>
        <thead>
          <tr className="border-b-2 border-grey-800">
            <th scope="col" className="py-2 pr-4">Nom</th>
            <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
            <th scope="col" className="py-2 pr-4">Rôle</th>
            {showActions && <th scope="col" className="py-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.membershipId} className="border-b border-grey-200 align-top">
              <th scope="row" className="py-3 pr-4 font-normal">
                {member.name}
                {member.isActor && <span className="text-grey-600"> (vous)</span>}
              </th>
              <td className="break-all py-3 pr-4">{member.email}</td>
              <td className="py-3 pr-4">
                {member.isLegalRepresentative ? "Représentant légal" : "Membre de l'équipe"}
                {!member.active && " (compte désactivé)"}
              </td>
              {showActions && <td className="py-3">{member.actions}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
