import { describe, expect, it } from "vitest";
import { LAST_LEGAL_REPRESENTATIVE, lastLegalRepresentativeProblem, mayOfferLegalRepresentative, membershipRoleLabel } from "./legal-representatives";

const member = (id: string, isLegalRepresentative: boolean) => ({ id, userId: `user-${id}`, isLegalRepresentative });

describe("the last legal representative rule", () => {
  it("refuses taking the role from the only legal representative", () => {
    expect(lastLegalRepresentativeProblem([member("a", true), member("b", false)], "a")).toBe(LAST_LEGAL_REPRESENTATIVE);
  });

  it("allows it when another legal representative remains", () => {
    expect(lastLegalRepresentativeProblem([member("a", true), member("b", true)], "a")).toBeNull();
  });

  it("never concerns a member who is not a legal representative", () => {
    expect(lastLegalRepresentativeProblem([member("a", true), member("b", false)], "b")).toBeNull();
    expect(lastLegalRepresentativeProblem([member("b", false)], "b")).toBeNull();
  });

  it("ignores an unknown membership", () => {
    expect(lastLegalRepresentativeProblem([member("a", true)], "z")).toBeNull();
  });
});

describe("offering the legal representative role in an invitation", () => {
  it("is for legal representatives, or anyone while the organisation has none", () => {
    expect(mayOfferLegalRepresentative(true, true)).toBe(true);
    expect(mayOfferLegalRepresentative(false, true)).toBe(false);
    expect(mayOfferLegalRepresentative(false, false)).toBe(true);
  });

  it("labels roles in French", () => {
    expect(membershipRoleLabel(true)).toBe("Représentant légal");
    expect(membershipRoleLabel(false)).toBe("Membre de l'équipe");
  });
});
