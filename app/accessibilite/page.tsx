import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/Breadcrumb";
import { Container } from "@/components/layout/Container";
import { PageHeading } from "@/components/layout/PageHeading";

export const metadata: Metadata = {
  title: { absolute: "Déclaration d'accessibilité – Espace de confiance ROR" },
  description: "Déclaration d'accessibilité du portail d'adhésion à l'espace de confiance du ROR.",
};

export default function AccessibilityPage() {
  return (
    <Container className="py-8 md:py-12">
      <Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: "Accessibilité" }]} />
      <PageHeading title="Déclaration d'accessibilité" />

      <div className="prose-page">
        <p>
          L&apos;Agence du Numérique en Santé (ANS) s&apos;engage à rendre ses services numériques accessibles,
          conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février 2005.
        </p>
        <p>
          Cette déclaration d&apos;accessibilité s&apos;applique au portail « Espace de confiance ROR ».
        </p>

        <section aria-labelledby="etat">
          <h2 id="etat">État de conformité</h2>
          <p>
            Le portail « Espace de confiance ROR » est <strong>partiellement conforme</strong> avec le référentiel
            général d&apos;amélioration de l&apos;accessibilité (RGAA), version 4.1.
          </p>
          <p>
            Il a été conçu pour respecter ce référentiel : structure de page avec en-tête, navigation, contenu principal
            et pied de page, lien d&apos;accès rapide au contenu, navigation complète au clavier avec un indicateur de
            focus visible, étiquette sur chaque champ de formulaire, messages d&apos;erreur associés aux champs,
            contrastes de couleurs suffisants.
          </p>
        </section>

        <section aria-labelledby="resultats">
          <h2 id="resultats">Résultats des tests</h2>
          <p>
            Un audit de conformité au RGAA 4.1 est prévu. En attendant ses résultats, l&apos;état de conformité
            ci-dessus repose sur des vérifications internes, manuelles et automatisées, réalisées pendant le
            développement. Le taux de conformité sera publié ici à l&apos;issue de l&apos;audit : [à compléter par
            l&apos;ANS].
          </p>
        </section>

        <section aria-labelledby="non-accessibles">
          <h2 id="non-accessibles">Contenus non accessibles</h2>
          <p>Les non-conformités seront détaillées à l&apos;issue de l&apos;audit. Sont d&apos;ores et déjà connus :</p>
          <ul>
            <li>
              les documents PDF générés et signés (attestations de client) peuvent ne pas être entièrement
              accessibles ; leur contenu est également consultable sous forme de page web dans le dossier ;
            </li>
            <li>
              les documents déposés par les utilisateurs (certificats, rapports de tests PLATINES) ne relèvent pas de
              la responsabilité de l&apos;ANS.
            </li>
          </ul>
          <p>
            La plateforme de tests PLATINES, vers laquelle renvoie ce portail, fait l&apos;objet de sa propre
            déclaration d&apos;accessibilité.
          </p>
        </section>

        <section aria-labelledby="etablissement">
          <h2 id="etablissement">Établissement de cette déclaration</h2>
          <p>Cette déclaration a été établie le [date à compléter par l&apos;ANS].</p>
          <p>Technologies utilisées pour la réalisation du portail : HTML, CSS, JavaScript, WAI-ARIA.</p>
        </section>

        <section aria-labelledby="contact">
          <h2 id="contact">Retour d&apos;information et contact</h2>
          <p>
            Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l&apos;ANS pour
            être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :
          </p>
          <ul>
            <li>par courriel : [adresse à compléter par l&apos;ANS] ;</li>
            <li>par courrier : Agence du Numérique en Santé, 2-10 rue d&apos;Oradour-sur-Glane, 75015 Paris.</li>
          </ul>
        </section>

        <section aria-labelledby="recours">
          <h2 id="recours">Voies de recours</h2>
          <p>
            Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou à une
            fonctionnalité du portail, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de
            notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur des
            droits :
          </p>
          <ul>
            <li>
              écrire un message au Défenseur des droits au moyen du formulaire en ligne :{" "}
              <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;
            </li>
            <li>
              contacter le délégué du Défenseur des droits dans votre région :{" "}
              <a href="https://www.defenseurdesdroits.fr/carte-des-delegues">
                carte des délégués du Défenseur des droits
              </a>{" "}
              ;
            </li>
            <li>
              envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre
              réponse 71120, 75342 Paris CEDEX 07.
            </li>
          </ul>
        </section>
      </div>
    </Container>
  );
}
