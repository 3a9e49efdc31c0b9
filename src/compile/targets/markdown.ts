/** `markdown` → <id>.md. */
import { renderReviewDocument } from "../markdown/document.js";
import type { Target } from "./types.js";

export const markdown: Target = {
  id: "markdown",
  description: "The Markdown review document: governance matrix, tools, denials, failure modes, evaluation and a framework crosswalk",
  docs: `\`markdown\` → <id>.md: the review document (governance matrix, tools, denials, failure modes, crosswalk).`,
  extension: ".md",
  emit: (spec) => [{ path: `${spec.agent.id}.md`, contents: renderReviewDocument(spec) }],
};
