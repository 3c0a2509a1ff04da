import { expect, it } from "vitest";
import { formatSiret } from "./formatting";

it("groups SIRET digits the French way", () => {
  expect(formatSiret("73282932000074")).toBe("732 829 320 00074");
});
