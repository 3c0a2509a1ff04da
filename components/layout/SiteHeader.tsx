import Link from "next/link";
import { MainNavigation } from "./MainNavigation";
import { OutsideTokenPages } from "./OutsideTokenPages";
import { StateBrand } from "./StateBrand";

export type NavigationItem = {
  href: string;
  label: string;
  current?: boolean;
  /** Dossiers with something new (ADR 0035). */
  count?: { value: string; label: string };
};

export type SiteHeaderUser = {
  name: string;
  roleLabel: string;
  /** The account page; absent while the account is held at a gate (address to confirm, password to replace). */
  accountHref?: string;
};

export type SiteHeaderProps = {
  portalName: string;
  navigation: NavigationItem[];
  user: SiteHeaderUser | null;
  /** Server action that signs the user out; the "Se déconnecter" button is shown only when it is set. */
  signOutAction?: (formData: FormData) => void | Promise<void>;
  /** Short line under the portal name. */
  tagline?: string;
  /**
   * Shows the "République Française" block before the portal name. Reserved for State services:
   * only an ANS deployment may turn it on (configuration switch); off by default.
   */
  showStateBrand?: boolean;
};

const defaultTagline = "Répertoire national de l'offre et des ressources";

/**
 * The site header: portal name and tagline (link to the home page), the account area on the right,
 * then the main navigation, which collapses behind a "Menu" button on narrow screens. On the pages reached through a
 * personal link (client signature, invitation), the portal's name alone: no navigation, no account area.
 */
export function SiteHeader({
  portalName,
  navigation,
  user,
  signOutAction,
  tagline = defaultTagline,
  showStateBrand = false,
}: SiteHeaderProps) {
  return (
    <header className="border-b border-grey-200 bg-white shadow-[0_2px_4px_0_rgba(0,0,18,0.08)]">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-8 gap-y-3 py-4 md:py-6">
        <div className="flex min-w-0 items-center gap-4 md:gap-6">
          {showStateBrand ? <StateBrand /> : null}
          <Link href="/" className="group flex items-center gap-3 text-grey-950 no-underline">
            <span
              aria-hidden="true"
              className="flex h-10 items-center bg-primary px-2 text-base font-black tracking-wide text-white shadow-[inset_0_-4px_0_0_var(--color-accent)]"
            >
              ROR
            </span>
            <span className="flex flex-col">
              <span className="text-xl font-bold leading-tight group-hover:underline">{portalName}</span>
              <span className="text-sm text-grey-600">{tagline}</span>
            </span>
          </Link>
        </div>

        {/* Nothing of the account on a personal link's page: see OutsideTokenPages. */}
        <OutsideTokenPages>
        {user ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <p className="flex flex-col text-sm leading-tight">
              <span className="font-bold text-grey-950">{user.name}</span>
              <span className="text-grey-600">{user.roleLabel}</span>
            </p>
            {user.accountHref ? (
              <Link
                href={user.accountHref}
                className="inline-flex min-h-8 items-center px-3 py-1 text-sm font-medium text-primary no-underline shadow-[inset_0_0_0_1px_var(--color-primary)] hover:bg-primary-light"
              >
                Mon compte
              </Link>
            ) : null}
            {signOutAction ? (
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="inline-flex min-h-8 items-center px-3 py-1 text-sm font-medium text-primary shadow-[inset_0_0_0_1px_var(--color-primary)] hover:bg-primary-light"
                >
                  Se déconnecter
                </button>
              </form>
            ) : null}
          </div>
        ) : (
          <ul className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
            <li>
              <Link
                href="/connexion"
                className="inline-flex min-h-8 items-center px-3 py-1 font-medium text-primary no-underline shadow-[inset_0_0_0_1px_var(--color-primary)] hover:bg-primary-light"
              >
                Se connecter
              </Link>
            </li>
            <li>
              <Link
                href="/inscription"
                className="inline-flex min-h-8 items-center bg-primary px-3 py-1 font-medium text-white no-underline hover:bg-primary-hover"
              >
                Créer un compte éditeur
              </Link>
            </li>
          </ul>
        )}
        </OutsideTokenPages>
      </div>

      {navigation.length > 0 ? (
        <OutsideTokenPages>
          <MainNavigation items={navigation} />
        </OutsideTokenPages>
      ) : null}
    </header>
  );
}
