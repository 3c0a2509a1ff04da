// Pure: the shape of the portal's plain-text e-mails, shared by every area that writes one.

export type MailText = { subject: string; text: string; kind: string };

const signature = "\n\n— Portail de l'espace de confiance du ROR";

/** A subject is one line of at most 200 characters (names typed by editors could break either rule). */
function oneLine(subject: string): string {
  const flat = subject.replace(/[\r\n\t]+/g, " ").trim();
  return flat.length <= 200 ? flat : `${flat.slice(0, 199)}…`;
}

export function mailText(kind: string, subject: string, lines: string[]): MailText {
  return { kind, subject: oneLine(subject), text: lines.join("\n") + signature };
}
