"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/layout/ErrorNotice";

/** An error in the root layout itself: this replaces the whole document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <head>
        <title>Erreur – Espace de confiance ROR</title>
      </head>
      <body className="bg-white text-neutral-900 antialiased">
        <main id="contenu">
          <ErrorNotice digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
