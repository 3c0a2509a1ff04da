import { env } from "./env.server";
import { portalUrl } from "./mail/message";

/** An absolute link to a page of this portal, for mails: built from AUTH_URL, the portal's public address. */
export function portalLink(path: string): string {
  return portalUrl(path, env().AUTH_URL);
}
