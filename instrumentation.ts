// Once per server instance: validate the environment (a bad variable stops it with a clear message),
// then start the background mail sender.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("./lib/startup-check.server");
  const { scheduleMailDelivery } = await import("./lib/mail/schedule.server");
  scheduleMailDelivery();
}
