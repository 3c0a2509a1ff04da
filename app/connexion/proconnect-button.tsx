/**
 * The "S'identifier avec ProConnect" button, after the ProConnect button guidelines (blue block, white text, the
 * "Qu'est-ce que ProConnect ?" link beside it). A plain link: the endpoint leaves for the provider (ADR 0044).
 */
export function ProConnectButton({ returnTo }: { returnTo?: string }) {
  const href = returnTo ? `/api/proconnect/connexion?retour=${encodeURIComponent(returnTo)}` : "/api/proconnect/connexion";
  return (
    <div>
      <a
        href={href}
        className="inline-flex items-center gap-3 bg-[#000091] px-6 py-3 text-white hover:bg-[#1212ff] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#0a76f6]"
      >
        <span className="flex flex-col leading-tight">
          <span className="text-base font-bold">S&apos;identifier avec ProConnect</span>
        </span>
      </a>
      <p className="mt-2">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer" className="text-primary underline">
          Qu&apos;est-ce que ProConnect ?<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
      </p>
    </div>
  );
}
