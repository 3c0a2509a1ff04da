import { describe, expect, it } from "vitest";
import { newPasswordSchema, PASSWORD_MESSAGES } from "./password-rules";
import { assessPassword, passwordProblem } from "./password-strength";

describe("password quality", () => {
  it.each(["une phrase de passe solide", "nouvelle phrase secrète 2026", "Tr0ub4dor&3xyz", "correct horse battery staple"])(
    "accepts %j",
    (password) => {
      const assessment = assessPassword(password);
      expect(assessment).toMatchObject({ acceptable: true, problem: null });
      expect(assessment.score).toBeGreaterThanOrEqual(3);
    },
  );

  it("refuses fewer than 12 characters", () => {
    expect(passwordProblem("Zq8!vT#r1")).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it.each(["password1234", "qwertyuiop123", "1q2w3e4r5t6y"])("refuses %j, from the common-password list, whatever its case", (password) => {
    expect(passwordProblem(password)).toBe(PASSWORD_MESSAGES.common);
    expect(passwordProblem(password.toUpperCase())).toBe(PASSWORD_MESSAGES.common);
  });

  it("refuses a score under 3 with zxcvbn's French advice", () => {
    const assessment = assessPassword("Bonjour123456");
    expect(assessment.score).toBeLessThan(3);
    expect(assessment.acceptable).toBe(false);
    expect(assessment.problem).toMatch(/^Ce mot de passe est trop facile à deviner\. /);
    expect(assessment.problem).toContain("Ajoutez des mots moins courants.");
    expect(assessPassword("azertyuiop12").problem).toContain("Les lignes droites de touches de votre clavier sont faciles à deviner");
  });

  it("counts the person's own name and address against the password", () => {
    expect(passwordProblem("elodie.mercier@exemple.fr", ["Élodie Mercier", "elodie.mercier@exemple.fr"])).toBe(PASSWORD_MESSAGES.personal);
    const alone = assessPassword("mercierlogiciels44");
    const withInputs = assessPassword("mercierlogiciels44", ["Élodie Mercier", "e.mercier@logiciels.fr"]);
    expect(withInputs.score).toBeLessThanOrEqual(alone.score);
  });

  it("scores even the slowest inputs quickly: the first 64 characters, 10 l33t substitutions at most", () => {
    assessPassword("échauffement");
    // With zxcvbn's defaults, 100 digits took 2.5 s of the server's main thread.
    for (const password of ["1234567890".repeat(20), "p@$$w0rd".repeat(25), "1!1!1!1!".repeat(25)]) {
      const started = performance.now();
      assessPassword(password);
      expect(performance.now() - started, password).toBeLessThan(1500);
    }
    expect(assessPassword("une phrase de passe solide ".repeat(7)).acceptable).toBe(true);
  });

  it("needs the confirmation to match, with French messages", () => {
    const result = newPasswordSchema.safeParse({ password: "une phrase de passe solide", passwordConfirmation: "une autre" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["passwordConfirmation", PASSWORD_MESSAGES.mismatch]]);
    const empty = newPasswordSchema.safeParse({ password: "", passwordConfirmation: "" });
    expect(empty.error?.issues.map((i) => i.message)).toEqual([PASSWORD_MESSAGES.tooShort, PASSWORD_MESSAGES.confirm]);
  });
});
