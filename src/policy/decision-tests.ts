/** runDecisionTests: a spec's `tests` cases run against its compiled policy, for `agentspec test` and lint. */
import type { Policy } from "../../generated/policy.js";
import { compilePolicy } from "./compile-policy.js";
import type { DecisionTest, Spec } from "../model/index.js";
import { decide, type Decision, type DecisionKind } from "./decide.js";

export interface DecisionTestResult {
  /** The case's index in `tests`. */
  index: number;
  /** The case's name, or the call written out. */
  label: string;
  test: DecisionTest;
  expected: DecisionKind;
  actual: Decision;
  passed: boolean;
  /** Where the case is in the spec file. */
  pointer: string;
  line: number;
  column: number;
}

export function runDecisionTests(spec: Spec, policy: Policy = compilePolicy(spec)): DecisionTestResult[] {
  return spec.tests.map((test, index) => {
    const actual = decide(policy, test.call);
    const pointer = spec.pointerFor(`/tests/${index}`);
    const { line, column } = spec.source.locate(pointer);
    return {
      index,
      label: describeCase(test),
      test,
      expected: test.expect,
      actual,
      passed: actual.decision === test.expect,
      pointer,
      line,
      column,
    };
  });
}

function describeCase(test: DecisionTest): string {
  if (test.name) return test.name;
  const { tool, args, context } = test.call;
  const parts = [tool];
  if (args && Object.keys(args).length > 0) parts.push(JSON.stringify(args));
  if (context && Object.keys(context).length > 0) parts.push(JSON.stringify(context));
  return parts.join(" ");
}
