import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Forged server actions: capture the POST a real form sends (without letting it reach the server), then replay it
// with another person's cookies.

export type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Runs `trigger` and captures the server-action POST it sends, without letting it reach the server. */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/*");
  return captured!;
}

export async function replay(request: APIRequestContext, action: Captured) {
  const keep = ["next-action", "content-type", "next-router-state-tree", "accept", "origin"];
  const headers = Object.fromEntries(Object.entries(action.headers).filter(([name]) => keep.includes(name)));
  return request.post(action.url, { headers, data: action.body, maxRedirects: 0 });
}
