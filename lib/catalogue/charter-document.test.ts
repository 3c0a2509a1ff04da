import { describe, expect, it } from "vitest";
import {
  charterSummary,
  inlineText,
  parseCharterDocument,
  parseInline,
  slugify,
  tableOfContents,
  truncateAtWord,
} from "./charter-document";

describe("slugify", () => {
  it.each([
    ["Sécurité des accès", "securite-des-acces"],
    ["Évolution de la charte", "evolution-de-la-charte"],
    ["3. Conditions d'accès à l'espace de confiance", "conditions-d-acces-a-l-espace-de-confiance"],
    ["4.2 Données très restreintes", "donnees-tres-restreintes"],
    ["Annexe 1 : attestation de client", "annexe-1-attestation-de-client"],
    ["Œuvre et cæcum — Noël", "oeuvre-et-caecum-noel"],
    ["  ÇA ÔTE L'ÂME  ", "ca-ote-l-ame"],
    ["«  »", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(slugify(title)).toMatch(/^[a-z0-9-]*$/);
  });
});

describe("parseInline", () => {
  it("splits bold runs and keeps an unmatched marker as text", () => {
    expect(parseInline("le **ROR** et l'**ANS**.")).toEqual([
      { text: "le ", strong: false },
      { text: "ROR", strong: true },
      { text: " et l'", strong: false },
      { text: "ANS", strong: true },
      { text: ".", strong: false },
    ]);
    expect(parseInline("a ** b")).toEqual([{ text: "a ** b", strong: false }]);
    expect(inlineText(parseInline("**tout**"))).toBe("tout");
  });

  it("keeps markup-looking text as plain text (rendering escapes it)", () => {
    expect(parseInline("<script>alert(1)</script>")).toEqual([{ text: "<script>alert(1)</script>", strong: false }]);
  });
});

const body = `Préambule de la charte.
Sur deux lignes.

## 1. Objet de la charte
La charte fixe les règles.

Deuxième paragraphe.

## 2. Définitions
- **ROR** : le répertoire ;
- **ANS** : l'agence,
  qui publie la charte.
1. premier
2. second

Après la liste.

### Profil 0
Texte du profil.

## Sécurité
## Sécurité
## «  »
`;

describe("parseCharterDocument", () => {
  const document = parseCharterDocument(body);

  it("keeps the text before the first heading as a preamble, lines joined", () => {
    expect(document.preamble).toEqual([{ kind: "paragraph", content: [{ text: "Préambule de la charte. Sur deux lignes.", strong: false }] }]);
  });

  it("splits sections on '## ' with ascii, unique, stable ids", () => {
    expect(tableOfContents(document)).toEqual([
      { id: "objet-de-la-charte", title: "1. Objet de la charte" },
      { id: "definitions", title: "2. Définitions" },
      { id: "securite", title: "Sécurité" },
      { id: "securite-2", title: "Sécurité" },
      { id: "section-5", title: "«  »" },
    ]);
    expect(parseCharterDocument(body)).toEqual(document);
  });

  it("reads paragraphs, bullet and numbered lists, continuation lines and sub-headings", () => {
    const definitions = document.sections[1]!;
    expect(definitions.blocks.map((b) => b.kind)).toEqual(["list", "list", "paragraph", "subheading", "paragraph"]);
    const [bullets, numbers] = definitions.blocks;
    expect(bullets).toMatchObject({ kind: "list", ordered: false });
    if (bullets?.kind !== "list" || numbers?.kind !== "list") throw new Error("lists expected");
    expect(bullets.items.map(inlineText)).toEqual(["ROR : le répertoire ;", "ANS : l'agence, qui publie la charte."]);
    expect(bullets.items[0]![0]).toEqual({ text: "ROR", strong: true });
    expect(numbers).toMatchObject({ ordered: true });
    expect(numbers.items.map(inlineText)).toEqual(["premier", "second"]);
    expect(definitions.blocks[3]).toEqual({ kind: "subheading", id: "profil-0", text: "Profil 0" });
    expect(document.sections[0]!.blocks).toHaveLength(2);
  });

  it("never gives a heading an id the page layout uses", () => {
    const parsed = parseCharterDocument("## Contenu\n## Sommaire\ntexte");
    expect(tableOfContents(parsed).map((e) => e.id)).toEqual(["contenu-2", "sommaire-2"]);
  });

  it("accepts Windows line endings and an empty body", () => {
    expect(tableOfContents(parseCharterDocument("## Un\r\ntexte\r\n## Deux\r\n"))).toEqual([
      { id: "un", title: "Un" },
      { id: "deux", title: "Deux" },
    ]);
    expect(parseCharterDocument("")).toEqual({ preamble: [], sections: [] });
  });
});

describe("charterSummary", () => {
  it("gives each section its opening text, list items included, up to the first sub-heading", () => {
    const summary = charterSummary(parseCharterDocument(body));
    expect(summary[0]).toEqual({
      id: "objet-de-la-charte",
      title: "1. Objet de la charte",
      excerpt: "La charte fixe les règles. Deuxième paragraphe.",
    });
    expect(summary[1]!.excerpt).toBe("ROR : le répertoire ; ANS : l'agence, qui publie la charte. premier ; second. Après la liste.");
    expect(summary[2]!.excerpt).toBe("");
  });

  it("stops at the length asked for", () => {
    const summary = charterSummary(parseCharterDocument(`## Long\n${"mot ".repeat(100)}\n\nSuite.`), 40);
    expect(summary[0]!.excerpt).toBe(`${"mot ".repeat(9).trim()}…`);
  });

  it("cuts long text at a word boundary with an ellipsis", () => {
    expect(truncateAtWord("un deux trois quatre", 12)).toBe("un deux…");
    expect(truncateAtWord("court", 12)).toBe("court");
  });
});
