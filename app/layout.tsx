import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { RequestReference } from "@/components/layout/RequestReference";
import { SkipLinks } from "@/components/layout/SkipLinks";
import { navigationFor } from "@/lib/auth/navigation";
import { roleLabel } from "@/lib/auth/permissions";
import { getSignedInAccount } from "@/lib/auth/session.server";
import { unreadCount } from "@/lib/review/unread.server";
import { env } from "@/lib/env.server";
import { PortalStepUp } from "./compte/second-facteur/portal-step-up";
import { signOutAction } from "./sign-out-action";

export const metadata: Metadata = {
  title: { default: "Espace de confiance ROR", template: "%s – Espace de confiance ROR" },
  description:
    "Portail d'adhésion à l'espace de confiance du Répertoire national de l'offre et des ressources en santé et accompagnement médico-social (ROR).",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/site.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [account, requestHeaders] = await Promise.all([getSignedInAccount(), headers()]);
  // An account held at a gate (address to confirm, password to replace) is signed in but reaches nothing else.
  const actor = account && account.gate === null ? account.actor : null;
  const unread = await unreadCount(actor);
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-white text-neutral-900 antialiased">
        <SkipLinks />
        <SiteHeader
          portalName="Espace de confiance ROR"
          navigation={navigationFor(actor, unread)}
          user={account ? { name: account.actor.name, roleLabel: roleLabel(account.actor), accountHref: actor ? "/compte" : undefined } : null}
          signOutAction={account ? signOutAction : undefined}
          showStateBrand={env().PORTAL_STATE_BRANDING === "on"}
        />
        <main id="contenu" tabIndex={-1} className="flex-1 outline-none">
          {actor && account ? (
            <PortalStepUp totp={account.secondFactors.totp} passkeys={account.secondFactors.passkeys}>
              {children}
            </PortalStepUp>
          ) : (
            children
          )}
        </main>
        <SiteFooter />
        <RequestReference id={requestHeaders.get("x-request-id")} />
      </body>
    </html>
  );
}
