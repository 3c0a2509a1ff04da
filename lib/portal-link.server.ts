import "server-only";
import { parseAuthUrl } from "./env";
import { portalUrl } from "./mail/message";

/**
 * An absolute link to a page of this portal, for mails: built from AUTH_URL, the portal's public address. Reads that
 * one variable (with env()'s rule), since demo seeds queue mails before the rest of the environment is set.
 */
export function portalLink(path: string): string {
  return portalUrl(path, parseAuthUrl(process.env.AUTH_URL), process.env.PORTAL_MODE === "production" ? "production" : "development");
}
