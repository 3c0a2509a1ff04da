import { describe, expect, it } from "vitest";
import { chosenFile, fileOrText, pastedText } from "./chosen-file";

describe("an optional file input", () => {
  it("is empty when nothing was chosen, whatever the runtime calls the nameless part", () => {
    expect(chosenFile(new File([], ""))).toBeNull();
    expect(chosenFile(new File([], "undefined"))).toBeNull();
    expect(chosenFile(new File([], "blob"))).toBeNull();
    expect(chosenFile(null)).toBeNull();
    expect(chosenFile("texte collé")).toBeNull();
  });

  it("is a file when one was chosen, even an empty one (refused later as empty)", () => {
    expect(chosenFile(new File(["x"], "certificat.pem"))?.name).toBe("certificat.pem");
    expect(chosenFile(new File([], "vide.pem"))?.name).toBe("vide.pem");
  });

  it("reads an empty file input the way the server receives it from Chromium's multipart body", async () => {
    // What Chromium posts for a form with an empty file input and a filled text area.
    const body = [
      "--X",
      'Content-Disposition: form-data; name="certificateFile"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      "--X",
      'Content-Disposition: form-data; name="certificateText"',
      "",
      "-----BEGIN CERTIFICATE-----",
      "--X--",
      "",
    ].join("\r\n");
    const form = await new Request("http://portail/", { method: "POST", body, headers: { "content-type": "multipart/form-data; boundary=X" } }).formData();
    expect(fileOrText(form.get("certificateFile"), form.get("certificateText"))).toEqual({ kind: "text", text: "-----BEGIN CERTIFICATE-----" });
  });
});

describe("a file, or its content pasted", () => {
  const file = new File(["-----BEGIN CERTIFICATE-----"], "certificat.pem");

  it("is the pasted text when no file was chosen", () => {
    expect(fileOrText(new File([], ""), "-----BEGIN CERTIFICATE-----\n")).toEqual({ kind: "text", text: "-----BEGIN CERTIFICATE-----\n" });
    expect(fileOrText(null, "PEM")).toEqual({ kind: "text", text: "PEM" });
  });

  it("is the file when the text area holds nothing but blanks", () => {
    expect(fileOrText(file, "  \r\n")).toEqual({ kind: "file", file });
    expect(fileOrText(file, null)).toEqual({ kind: "file", file });
  });

  it("is both, or neither, so the use case can say which", () => {
    expect(fileOrText(file, "PEM").kind).toBe("both");
    expect(fileOrText(new File([], "undefined"), "\n").kind).toBe("neither");
    expect(fileOrText(undefined, undefined).kind).toBe("neither");
  });

  it("never takes a posted file for pasted text", () => {
    expect(pastedText(file)).toBeNull();
    expect(pastedText("  ")).toBeNull();
    expect(pastedText(" x ")).toBe(" x ");
  });
});
