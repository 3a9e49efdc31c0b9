/** The one layout of a rule's docs, so `agentspec rules`, the registry test and readers find the same parts. */
export interface RuleDocsParts {
  /** Why the finding matters, in a sentence or two. */
  why: string;
  /** A spec the rule reports (complete, so the registry test can lint it). */
  fails: string;
  /** The same spec, fixed. */
  passes: string;
  /** How to fix a finding. */
  fix: string;
  /** AgentAz rules: the kit.json both examples are linted with, read beside them. */
  kit?: string;
  /** Cross-file rules: a spec linted before both examples, in the same run. */
  earlier?: string;
}

const EARLIER_LABEL = "With this spec linted before it, in the same run";

export const SPEC_HEADER = `agentspec: "1.0"\nagent: { id: demo, version: 1.0.0 }\n`;

export function ruleDocs({ why, fails, passes, fix, kit, earlier }: RuleDocsParts): string {
  const kitBlock = kit === undefined ? [] : ["**With this kit.json beside the spec:**", "", "```json", kit.trimEnd(), "```", ""];
  const earlierBlock = earlier === undefined ? [] : [`**${EARLIER_LABEL}:**`, "", "```yaml", earlier.trimEnd(), "```", ""];
  return [
    why,
    "",
    ...kitBlock,
    ...earlierBlock,
    "**Fails:**",
    "",
    "```yaml",
    fails.trimEnd(),
    "```",
    "",
    "**Passes:**",
    "",
    "```yaml",
    passes.trimEnd(),
    "```",
    "",
    `**Fix:** ${fix}`,
  ].join("\n");
}

/** The failing and passing examples of a rule's docs, as ruleDocs wrote them. */
export function docsExamples(docs: string): { fails?: string; passes?: string; kit?: string; earlier?: string } {
  const block = (label: string, lang = "yaml"): string | undefined => {
    const match = new RegExp(`\\*\\*${label}:\\*\\*\\n\\n\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``).exec(docs);
    return match?.[1] === undefined ? undefined : match[1] + "\n";
  };
  return {
    fails: block("Fails"),
    passes: block("Passes"),
    kit: block("With this kit.json beside the spec", "json"),
    earlier: block(EARLIER_LABEL),
  };
}
