/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif).
 * The driver describes every known rule, so alerts link to the rule's docs and show its help.
 */
import type { Severity } from "../../diagnostics.js";
import { REPOSITORY_URL, ruleCatalog, ruleDocsUrl, type RuleMeta } from "../../lint/catalog.js";
import { relativePath } from "../paths.js";
import type { DescribedRule, Formatter, Reporter } from "../types.js";

export const SARIF_SCHEMA_URL = "https://json.schemastore.org/sarif-2.1.0.json";

const format: Formatter = (results, { cwd, rules = ruleCatalog(), version }) => {
  const described = withRulesFromResults(
    rules,
    results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)),
  );
  const index = new Map(described.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: SARIF_SCHEMA_URL,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "agentspec",
            informationUri: REPOSITORY_URL,
            ...(version === undefined ? {} : { version, semanticVersion: version }),
            rules: described.map((rule) => describeRule(rule, version)),
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings do.
        columnKind: "utf16CodeUnits",
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.ruleId,
            ruleIndex: index.get(d.ruleId)!,
            level: LEVELS[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(relativePath(file, cwd)), uriBaseId: "%SRCROOT%" },
                  region: { startLine: d.line, startColumn: d.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

const LEVELS: Record<Severity, "error" | "warning"> = { error: "error", warning: "warning" };

/** A finding whose rule is not in the list still needs a rule entry for its ruleIndex. */
function withRulesFromResults(rules: readonly DescribedRule[], ids: readonly string[]): DescribedRule[] {
  const known = new Set(rules.map((r) => r.id));
  const extra = [...new Set(ids)]
    .filter((id) => !known.has(id))
    .map((id): RuleMeta => ({ id, severity: "error", description: id, docs: "" }));
  return [...rules, ...extra];
}

function describeRule(rule: DescribedRule, version: string | undefined) {
  const docs = rule.docs.trim();
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: firstParagraph(docs) || rule.description },
    helpUri: rule.helpUri ?? ruleDocsUrl(rule.id, version),
    help: { text: docs || rule.description, markdown: docs || rule.description },
    defaultConfiguration: { level: LEVELS[rule.severity] },
  };
}

function firstParagraph(markdown: string): string {
  return (markdown.split(/\n\s*\n/)[0] ?? "").replace(/\s*\n\s*/g, " ").trim();
}

/** deny-overlaps-allow → DenyOverlapsAllow: SARIF's rule name is an identifier a person reads. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** A relative URI reference: each path segment percent-encoded, the slashes kept. */
function fileUri(relative: string): string {
  return relative.split("/").map(encodeURIComponent).join("/");
}

export const sarif: Reporter = {
  id: "sarif",
  description: "SARIF 2.1.0 for GitHub code scanning",
  docs: "A SARIF 2.1.0 log with one run: every rule with its description, Markdown help and a helpUri, and each finding at its file (relative to the working directory, under `%SRCROOT%`), line and column.",
  format,
};
