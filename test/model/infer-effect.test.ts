import { describe, expect, it } from "vitest";
import { inferEffect } from "../../src/model/index.js";

describe("inferEffect", () => {
  it.each([
    // A read verb is a verb: the words after it are its object.
    ["list_open_questions", "read"],
    ["read_email", "read"],
    ["check_send_status", "read"],
    // Joined verbs each count; the strongest wins.
    ["get_or_create_user", "write"],
    ["read_and_delete_message", "irreversible"],
    // Filling in values and labelling figures in the output draft; labelling a record writes.
    ["fill_supported_gaps", "draft"],
    ["label_estimate", "draft"],
    ["label_ticket", "write"],
    ["tag_issue", "write"],
    ["generate_sql", "draft"],
    // Names from the AgentAz kits that read or annotate, not act.
    ["flag_open_questions", "draft"],
    ["run_query", "read"],
    ["run_static_analysis", "read"],
    ["run_tests", "read"],
    ["run_sensitivity", "read"],
    ["run_runbook_step", "write"],
    ["change_correlation", "read"],
    ["sentiment_tag", "read"],
    ["ticket_update", "write"],
  ])("infers %s as %s", (name, effect) => {
    expect(inferEffect(name)).toBe(effect);
  });
});
