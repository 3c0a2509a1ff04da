import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";
import { VerificationForm } from "./verification-form";

export const metadata: Metadata = {
  title: { absolute: "Vérifier une attestation – Espace de confiance ROR" },
  description: "Vérifiez qu'une attestation de client a été scellée par le portail et n'a pas été modifiée depuis.",
};

export default function VerificationPage() {
  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Vérifier une attestation" }]} />
      <PageHeading
        title="Vérifier une attestation"
        lead="Déposez une attestation de client au format PDF : le portail vous dit si c'est bien une attestation qu'il a scellée après la signature des deux parties, et si elle est restée identique depuis."
      />
      <div className="max-w-3xl space-y-6">
        <p>
          Le fichier est lu pour la vérification puis oublié : il n&apos;est pas conservé. La vérification contrôle le
          cachet électronique du portail (une signature au format PAdES) et compare le document à ceux que le portail a
          scellés ; une copie imprimée, numérisée ou enregistrée de nouveau par un autre logiciel n&apos;est pas
          reconnue.
        </p>
        <VerificationForm />
      </div>
    </Container>
  );
}
