/** The one list of MCP drift rules (their ids are also in lint's MCP_RULE_IDS, so lint knows them). */
import { mcpDefinitionChanged } from "./mcp-definition-changed.js";
import { mcpEffectUnderstated } from "./mcp-effect-understated.js";
import { mcpToolMissing } from "./mcp-tool-missing.js";
import { mcpToolUndeclared } from "./mcp-tool-undeclared.js";
import type { McpRule } from "./types.js";

export type { DriftInput, McpRule, OfferedTool, Treatment } from "./types.js";

export const mcpRules: readonly McpRule[] = [mcpToolUndeclared, mcpToolMissing, mcpEffectUnderstated, mcpDefinitionChanged];
