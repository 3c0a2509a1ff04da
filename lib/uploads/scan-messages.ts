// Pure: what the portal says when the malware scan refuses a file (ADR 0028).
export const SCAN_MESSAGES = {
  infected: (fileName: string) =>
    `Le fichier « ${fileName} » contient un logiciel malveillant selon l'analyse antivirus : il a été refusé et rien n'a été enregistré.`,
  unavailable: "Analyse antivirus indisponible, réessayez dans quelques minutes : rien n'a été enregistré.",
} as const;
