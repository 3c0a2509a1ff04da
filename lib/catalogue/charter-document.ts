// Pure: turns a charter body (Markdown-ish plain text) into sections with stable anchor ids.
// Supported syntax, nothing more: "## " section headings, "### " sub-headings, "- " or "* " bullet
// items, "1. " numbered items, blank lines between paragraphs, and **bold** inside a line.
// The result is data, rendered as React elements by the view: no HTML is ever produced here.

export type Inline = { text: string; strong: boolean };

export type CharterBlock =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "subheading"; id: string; text: string };

export type CharterSection = { id: string; title: string; blocks: CharterBlock[] };

export type CharterDocument = { preamble: CharterBlock[]; sections: CharterSection[] };

export type TableOfContentsEntry = { id: string; title: string };

/** Ids already used by the page layout around the charter; a heading never takes them. */
export const RESERVED_IDS: readonly string[] = ["contenu", "pied-de-page", "sommaire"];

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss" };

/**
 * An ASCII anchor id from a heading: accents dropped ("Sécurité" → "securite"), ligatures spelled out,
 * leading numbering ("3. ", "4.2 ") left out so renumbering keeps links stable, words joined by "-".
 */
export function slugify(text: string): string {
  return text
    .replace(/^\s*\d+(?:\.\d+)*\.?\s+/, "")
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Splits "a **b** c" into plain and strong runs; an unmatched "**" stays as text. */
export function parseInline(text: string): Inline[] {
  const runs: Inline[] = [];
  let rest = text;
  for (;;) {
    const start = rest.indexOf("**");
    const end = start < 0 ? -1 : rest.indexOf("**", start + 2);
    if (start < 0 || end < 0) break;
    if (start > 0) runs.push({ text: rest.slice(0, start), strong: false });
    const strong = rest.slice(start + 2, end);
    if (strong.length > 0) runs.push({ text: strong, strong: true });
    rest = rest.slice(end + 2);
  }
  if (rest.length > 0 || runs.length === 0) runs.push({ text: rest, strong: false });
  return runs;
}

/** The plain text of inline runs (for summaries and tests). */
export function inlineText(content: readonly Inline[]): string {
  return content.map((run) => run.text).join("");
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function parseCharterDocument(
  body: string,
  options: { reservedIds?: readonly string[] } = {},
): CharterDocument {
  const taken = new Set(options.reservedIds ?? RESERVED_IDS);
  const uniqueId = (text: string, fallback: string): string => {
    const base = slugify(text) || fallback;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };

  const preamble: CharterBlock[] = [];
  const sections: CharterSection[] = [];
  let blocks = preamble;
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ kind: "paragraph", content: parseInline(paragraph.join(" ")) });
      paragraph = [];
    }
    if (list) {
      blocks.push({ kind: "list", ordered: list.ordered, items: list.items.map(parseInline) });
      list = null;
    }
  };

  for (const rawLine of body.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trimEnd();
    const trimmed = line.trim();
    if (trimmed === "") {
      flush();
      continue;
    }
    const section = /^##\s+(.+)$/.exec(trimmed);
    if (section && !trimmed.startsWith("###")) {
      flush();
      const title = section[1]!.trim();
      const created: CharterSection = { id: uniqueId(title, `section-${sections.length + 1}`), title, blocks: [] };
      sections.push(created);
      blocks = created.blocks;
      continue;
    }
    const sub = /^###\s+(.+)$/.exec(trimmed);
    if (sub) {
      flush();
      const text = sub[1]!.trim();
      blocks.push({ kind: "subheading", id: uniqueId(text, "sous-section"), text });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1]!.trim());
      continue;
    }
    if (list && /^\s/.test(line)) {
      // An indented line continues the last list item.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${trimmed}`;
      continue;
    }
    if (list) flush();
    paragraph.push(trimmed);
  }
  flush();
  return { preamble, sections };
}

export function tableOfContents(document: CharterDocument): TableOfContentsEntry[] {
  return document.sections.map(({ id, title }) => ({ id, title }));
}

/** Shortens text at a word boundary, with an ellipsis when something was cut. */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

function blockText(block: CharterBlock): string {
  if (block.kind === "paragraph") return inlineText(block.content);
  if (block.kind === "list") return block.items.map((item) => inlineText(item).replace(/[\s;,.]+$/, "")).join(" ; ") + ".";
  return "";
}

/**
 * A few lines per section: its opening text (paragraphs, then list items, until maxLength), cut at a word.
 * The summary shown before acceptance; the full text stays one link away.
 */
export function charterSummary(
  document: CharterDocument,
  maxLength = 240,
): { id: string; title: string; excerpt: string }[] {
  return document.sections.map((section) => {
    let text = "";
    for (const block of section.blocks) {
      if (block.kind === "subheading") break;
      text = text ? `${text} ${blockText(block)}` : blockText(block);
      if (text.length >= maxLength) break;
    }
    return { id: section.id, title: section.title, excerpt: truncateAtWord(text, maxLength) };
  });
}
