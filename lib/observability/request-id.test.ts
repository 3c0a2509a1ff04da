import { describe, expect, it } from "vitest";
import { acceptedRequestId } from "./request-id";

describe("acceptedRequestId", () => {
  it("takes the trusted proxy's id", () => {
    expect(acceptedRequestId("0f2c5a9d3b8e4d1aa6c7e9f0b1d2c3e4", 1)).toBe("0f2c5a9d3b8e4d1aa6c7e9f0b1d2c3e4");
    expect(acceptedRequestId(" 8d3e2a1c-6b7f-4e0a-9d2c-1b3a5e7f9c0d ", 2)).toBe("8d3e2a1c-6b7f-4e0a-9d2c-1b3a5e7f9c0d");
  });

  it("ignores the header without a trusted proxy: the client could forge it", () => {
    expect(acceptedRequestId("0f2c5a9d3b8e4d1aa6c7e9f0b1d2c3e4", 0)).toBeNull();
  });

  it("ignores what does not look like an id", () => {
    expect(acceptedRequestId("court", 1)).toBeNull();
    expect(acceptedRequestId('abcdefgh"\n{"level":60}', 1)).toBeNull();
    expect(acceptedRequestId("x".repeat(129), 1)).toBeNull();
    expect(acceptedRequestId(["0f2c5a9d3b8e4d1a", "0f2c5a9d3b8e4d1b"], 1)).toBeNull();
    expect(acceptedRequestId(undefined, 1)).toBeNull();
  });
});
