/** Polls `check` until it returns a value other than false/null/undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs = 20_000, what = "la condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`délai dépassé en attendant ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
