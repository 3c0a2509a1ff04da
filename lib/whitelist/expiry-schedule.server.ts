import { runCertificateExpiryWatch } from "./expiry-job.server";

const INTERVAL_MS = 60 * 60 * 1000;

/** Runs the certificate expiry watch hourly inside the app instance when CERTIFICATE_EXPIRY_WATCH=on. */
export function scheduleCertificateExpiryWatch(): void {
  if (process.env.CERTIFICATE_EXPIRY_WATCH !== "on") return;
  const run = () =>
    runCertificateExpiryWatch()
      .then(({ notices, expired }) => {
        if (notices + expired > 0) console.info(`[certificats] ${notices} avis d'expiration, ${expired} certificat(s) expiré(s) retiré(s)`);
      })
      .catch((error) => console.error("[certificats] surveillance des expirations impossible :", error));
  const first = setTimeout(run, 30_000);
  first.unref();
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
}
