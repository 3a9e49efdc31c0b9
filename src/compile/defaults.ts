/** The targets `agentspec compile` writes without --target; apart from the targets, so reading a command line loads none. */
export const DEFAULT_TARGETS: readonly string[] = ["policy", "markdown"];
