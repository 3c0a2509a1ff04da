import { Container } from "./layout/Container";
import { ButtonLink } from "./ui/ButtonLink";

export type ForbiddenNoticeProps = {
  homeHref?: string;
  signInHref?: string;
};

/** The content of the 403 page: what happened and where to go next. Holds the page's h1. */
export function ForbiddenNotice({ homeHref = "/", signInHref = "/connexion" }: ForbiddenNoticeProps) {
  return (
    <Container className="py-12 md:py-16">
      <div className="max-w-2xl">
        <p className="text-sm font-medium text-grey-600">Erreur 403</p>
        <h1 className="mt-2 text-3xl font-bold leading-tight text-grey-950 md:text-4xl">Accès refusé</h1>
        <p className="mt-4 text-lg text-grey-800">Votre compte ne vous permet pas d&apos;accéder à cette page.</p>
        <p className="mt-2 text-grey-800">
          Si vous pensez qu&apos;il s&apos;agit d&apos;une erreur, connectez-vous avec un autre compte ou contactez
          l&apos;administrateur de votre organisation.
        </p>
        <ul className="mt-8 flex flex-wrap gap-4">
          <li>
            <ButtonLink href={homeHref}>Retour à l&apos;accueil</ButtonLink>
          </li>
          <li>
            <ButtonLink href={signInHref} variant="secondary">
              Se connecter avec un autre compte
            </ButtonLink>
          </li>
        </ul>
      </div>
    </Container>
  );
}
