import { describe, expect, it } from "vitest";
import { messageTemplateSchema } from "../../lib/review/message-templates";
import { demoMessageTemplates } from "./seed-demo";

describe("the demo message templates", () => {
  it("pass the rules an administrator's template passes", () => {
    for (const template of demoMessageTemplates) expect(messageTemplateSchema.safeParse(template).success, template.title).toBe(true);
  });
});
