import type { Metadata } from "next";
import "./globals.css";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SkipLinks } from "@/components/layout/SkipLinks";
import { navigationFor } from "@/lib/auth/navigation";
import { roleLabel } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session.server";
import { env } from "@/lib/env.server";
import { signOutAction } from "./sign-out-action";

export const metadata: Metadata = {
  title: { default: "Espace de confiance ROR", template: "%s – Espace de confiance ROR" },
  description:
    "Portail d'adhésion à l'espace de confiance du Répertoire national de l'offre et des ressources en santé et accompagnement médico-social (ROR).",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-white text-neutral-900 antialiased">
        <SkipLinks />
        <SiteHeader
          portalName="Espace de confiance ROR"
          navigation={navigationFor(actor)}
          user={actor ? { name: actor.name, roleLabel: roleLabel(actor) } : null}
          signOutAction={actor ? signOutAction : undefined}
          showStateBrand={env().PORTAL_STATE_BRANDING === "on"}
        />
        <main id="contenu" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
