import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../validation";
import { DEFAULT_LEVEL2, level2QuotaSchema, quotaReasonSchema } from "./quotas";

const RANGE = "Saisissez un nombre entier d'appels par seconde compris entre 1 et 1000.";
const schema = level2QuotaSchema({ authenticatedPerSecond: 10, publicPerSecond: 5 });

describe("level 2", () => {
  it("the charter's defaults need no reason; a stale reason is dropped", () => {
    expect(DEFAULT_LEVEL2).toEqual({ authenticatedPerSecond: 10, publicPerSecond: 5 });
    expect(schema.parse({ authenticatedPerSecond: 10, publicPerSecond: 5 })).toEqual({ authenticatedPerSecond: 10, publicPerSecond: 5, reason: null });
    expect(schema.parse({ authenticatedPerSecond: 10, publicPerSecond: 5, reason: "ancien motif" }).reason).toBeNull();
  });

  it("a departure from the profile's defaults requires a reason", () => {
    for (const reason of [undefined, null, "", "   "]) {
      const result = schema.safeParse({ authenticatedPerSecond: 20, publicPerSecond: 5, reason });
      expect(result.success).toBe(false);
      expect(fieldErrorsOf(result.error!).reason).toBe(
        "Saisissez le motif : les quotas s'écartent de ceux du profil (10 appels par seconde authentifiés, 5 publics).",
      );
    }
    expect(schema.parse({ authenticatedPerSecond: 10, publicPerSecond: 2, reason: "  Usage abusif constaté le 3 mars.  " })).toEqual({
      authenticatedPerSecond: 10,
      publicPerSecond: 2,
      reason: "Usage abusif constaté le 3 mars.",
    });
  });

  it.each([0, -5, 3.7, 1001, 1e12])("refuses quota %s with the allowed range", (value) => {
    const result = schema.safeParse({ authenticatedPerSecond: value, publicPerSecond: value, reason: "Motif valable" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ authenticatedPerSecond: RANGE, publicPerSecond: RANGE });
  });
});

describe("the reason", () => {
  it("is trimmed, line breaks flattened, 5 to 500 characters", () => {
    expect(quotaReasonSchema.parse(" Pic\r\nsaisonnier ")).toBe("Pic saisonnier");
    expect(quotaReasonSchema.safeParse("abcd").success).toBe(false);
    expect(quotaReasonSchema.safeParse("    abcd    ").success).toBe(false);
    expect(quotaReasonSchema.safeParse("a".repeat(500)).success).toBe(true);
    const tooLong = quotaReasonSchema.safeParse("a".repeat(501));
    expect(tooLong.error?.issues[0]?.message).toBe("Le motif doit contenir entre 5 et 500 caractères.");
  });

  it("refuses markup and control characters", () => {
    for (const reason of ["<script>alert(1)</script>", "ok <b>gras</b>", "a > b depuis lundi", '<img src=x onerror="x">']) {
      const result = quotaReasonSchema.safeParse(reason);
      expect(result.error?.issues[0]?.message).toBe("Le motif ne peut pas contenir les caractères < et >.");
    }
    expect(quotaReasonSchema.safeParse("motif\u0000caché").error?.issues[0]?.message).toBe("Le motif contient des caractères non imprimables.");
    expect(quotaReasonSchema.parse("Décision de l'ANS : « pic » & co")).toBe("Décision de l'ANS : « pic » & co");
  });
});
