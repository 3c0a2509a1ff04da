import { describe, expect, it } from "vitest";
import { chosenFile } from "./chosen-file";

describe("an optional file input", () => {
  it("is empty when nothing was chosen, whatever the runtime calls the nameless part", () => {
    expect(chosenFile(new File([], ""))).toBeNull();
    expect(chosenFile(new File([], "undefined"))).toBeNull();
    expect(chosenFile(null)).toBeNull();
    expect(chosenFile("texte collé")).toBeNull();
  });

  it("is a file when one was chosen, even an empty one (refused later as empty)", () => {
    expect(chosenFile(new File(["x"], "certificat.pem"))?.name).toBe("certificat.pem");
    expect(chosenFile(new File([], "vide.pem"))?.name).toBe("vide.pem");
  });
});
