import type { CharterBlock, CharterDocument, Inline } from "@/lib/catalogue/charter-document";

function InlineText({ content }: { content: readonly Inline[] }) {
  return (
    <>
      {content.map((run, index) => (run.strong ? <strong key={index}>{run.text}</strong> : <span key={index}>{run.text}</span>))}
    </>
  );
}

function Block({ block }: { block: CharterBlock }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p>
          <InlineText content={block.content} />
        </p>
      );
    case "subheading":
      return (
        <h3 id={block.id} className="scroll-mt-4 font-bold">
          {block.text}
        </h3>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        <List className={block.ordered ? "list-decimal pl-6" : "list-disc pl-6"}>
          {block.items.map((item, index) => (
            <li key={index}>
              <InlineText content={item} />
            </li>
          ))}
        </List>
      );
    }
  }
}

/**
 * The charter's text as React elements: every piece of text is escaped by React, nothing is injected as
 * HTML. Sections are h2 (their ids are the table of contents' anchors), sub-headings h3.
 */
export function CharterDocumentView({ document }: { document: CharterDocument }) {
  return (
    <div className="prose-page min-w-0 flex-1">
      {document.preamble.map((block, index) => (
        <Block key={`preamble-${index}`} block={block} />
      ))}
      {document.sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id} tabIndex={-1} className="scroll-mt-4 font-bold outline-none">
            {section.title}
          </h2>
          {section.blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
        </section>
      ))}
    </div>
  );
}
