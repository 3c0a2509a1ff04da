import { expect, test } from "./support/test";

// The fixture that fails every journey on a Content-Security-Policy violation (e2e/support/test.ts) does notice one.

test("the CSP guard sees a blocked inline script", async ({ page, cspGuard }) => {
  await page.route("**/sonde-csp", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self'" },
      body: "<!doctype html><html lang=fr><title>Sonde</title><script>document.title = 'exécuté'</script></html>",
    }),
  );
  await page.goto("/sonde-csp");
  await expect.poll(() => cspGuard.violations.length).toBe(1);
  await expect(page).toHaveTitle("Sonde");
  expect(cspGuard.violations[0]).toMatch(/inline script/i);
  // Seen: the test itself passes.
  cspGuard.violations.length = 0;
});
