import type { ReactNode } from "react";
import { TableScroll } from "../ui/TableScroll";

export type PendingInvitationRow = {
  invitationId: string;
  email: string;
  asLegalRepresentative: boolean;
  /** Already formatted in French. */
  expiresOn: string;
  invitedByName: string;
  actions?: ReactNode;
};

/** Invitations sent and not yet used, cancelled or expired. */
export function PendingInvitationsTable({ invitations, showActions }: { invitations: PendingInvitationRow[]; showActions: boolean }) {
  if (invitations.length === 0) return <p>Aucune invitation en attente.</p>;
  return (
    <TableScroll label="Invitations en attente">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Invitations en attente</caption>
        <thead>
          <tr className="border-b-2 border-grey-800">
            <th scope="col" className="py-2 pr-4">Adresse e-mail</th>
            <th scope="col" className="py-2 pr-4">Rôle proposé</th>
            <th scope="col" className="py-2 pr-4">Expire le</th>
            <th scope="col" className="py-2 pr-4">Invité par</th>
            {showActions && <th scope="col" className="py-2">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.invitationId} className="border-b border-grey-200 align-top">
              <th scope="row" className="break-all py-3 pr-4 font-normal">{invitation.email}</th>
              <td className="py-3 pr-4">{invitation.asLegalRepresentative ? "Représentant légal" : "Membre de l'équipe"}</td>
              <td className="py-3 pr-4">{invitation.expiresOn}</td>
              <td className="py-3 pr-4">{invitation.invitedByName}</td>
              {showActions && <td className="py-3">{invitation.actions}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
