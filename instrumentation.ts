// Once per server instance: validate the environment (a bad variable stops it with a clear message) and open
// the platform seal. Background work (mail, schedules) is the worker's, started by `npm start` or `npm run worker`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check.server");
  const [{ mailDeliveryNotice }, { env }] = await Promise.all([import("./lib/mail/mailbox.server"), import("./lib/env.server")]);
  console.log(mailDeliveryNotice(env()));
  // In the background: opening the P12 must not delay the first request.
  void import("./lib/attestations/platform-seal.server").then(({ checkPlatformSealAtStartup }) => checkPlatformSealAtStartup());
}
