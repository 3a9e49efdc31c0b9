/** `--fail-on`, shared by diff and test --replay: which changes make the command exit 1. */
export const FAIL_ON = ["widened", "any", "none"] as const;

export type FailOn = (typeof FAIL_ON)[number];
