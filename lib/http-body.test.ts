import { describe, expect, it } from "vitest";
import { readLimitedText } from "./http-body";

function streamed(total: number, headers: Record<string, string> = {}) {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const chunk = new Uint8Array(Math.min(1024, total - sent)).fill(0x61);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { request: new Request("http://portail.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit), sent: () => sent };
}

describe("readLimitedText", () => {
  it("reads a small body, and stops a big one at the cap whatever it announced", async () => {
    expect(await readLimitedText(new Request("http://portail.test/", { method: "POST", body: "{\"a\":1}" }), 100)).toBe('{"a":1}');
    const unannounced = streamed(1_000_000);
    expect(await readLimitedText(unannounced.request, 8 * 1024)).toBe("too_large");
    expect(unannounced.sent()).toBeLessThanOrEqual(8 * 1024 + 2048);
    const announced = streamed(1_000_000, { "content-length": "1000000" });
    expect(await readLimitedText(announced.request, 8 * 1024)).toBe("too_large");
    expect(announced.sent()).toBeLessThanOrEqual(1024);
  });
});
