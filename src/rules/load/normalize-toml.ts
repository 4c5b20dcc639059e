/**
 * detection-rules TOML (`[metadata]`, `[rule]`, …) → Elastic's API form, so one schema validates both TOML files
 * and Kibana exports. The only shape differences are `[rule.new_terms]` and where our `outflow` table sits.
 */

type Table = Record<string, unknown>;

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the API-form rule object, or a reason when the TOML document is not a detection rule. */
export function tomlToApiRule(doc: Table): { rule: Table } | { notARule: string } {
  const rule = doc.rule;
  if (!isTable(rule)) return { notARule: 'no [rule] table (is this a detection-rules TOML file?)' };
  const api: Table = { ...rule };

  // `[rule.new_terms] field = "new_terms_fields", value = [...]` with `[[rule.new_terms.history_window_start]]`.
  const newTerms = rule.new_terms;
  if (isTable(newTerms)) {
    delete api.new_terms;
    if (newTerms.field === 'new_terms_fields') api.new_terms_fields = newTerms.value;
    const hws = newTerms.history_window_start;
    const first = Array.isArray(hws) ? hws.find((h) => isTable(h) && h.field === 'history_window_start') : undefined;
    if (isTable(first)) api.history_window_start = first.value;
  }

  // Our extension may be `[rule.outflow]` or a top-level `[outflow]` table; Elastic ignores both.
  if (!isTable(api.outflow) && isTable(doc.outflow)) api.outflow = doc.outflow;
  return { rule: api };
}
