import type { RequiredCase } from "./evaluation";

// Pure: a JUnit skeleton of a PLATINES test plan, for editors to name their test cases the way the portal matches
// them (lib/platines/evaluation.ts): one <testcase> per required case, named "identifier — title" as the page shows
// it. Every case is marked <skipped>: uploaded untouched, the skeleton satisfies nothing.

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

export function junitSkeleton(plan: { name: string; cases: readonly RequiredCase[] }): string {
  const cases = plan.cases
    .map(
      (c) =>
        `    <testcase name="${xml(`${c.identifier} — ${c.title}`)}" classname="${xml(plan.name)}">\n` +
        `      <skipped message="À exécuter sur PLATINES : remplacez ce squelette par le rapport de la session."/>\n` +
        `    </testcase>`,
    )
    .join("\n");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<!-- Squelette JUnit du plan « ${xml(plan.name).replace(/--/g, "- -")} » : un cas de test par cas requis, nommé comme le portail le reconnaît. -->\n` +
    `<testsuites name="${xml(plan.name)}" tests="${plan.cases.length}" skipped="${plan.cases.length}">\n` +
    `  <testsuite name="${xml(plan.name)}" tests="${plan.cases.length}" skipped="${plan.cases.length}" failures="0" errors="0">\n` +
    `${cases}\n` +
    `  </testsuite>\n` +
    `</testsuites>\n`
  );
}

/** "squelette-junit-api-fhir-du-ror.xml". */
export function junitSkeletonFileName(planName: string): string {
  const slug = planName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return `squelette-junit-${slug || "plan"}.xml`;
}
