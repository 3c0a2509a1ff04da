// Validates the environment once when a server instance starts: a bad variable stops it with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check.server");
}
