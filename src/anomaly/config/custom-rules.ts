/** custom_rules of a detector (§1): validated like Elastic, scopes resolved against the filter lists we were given. */
import { ConfigError } from '../../errors.js';
import type { CustomRuleJson } from './schemas.js';
import type { CustomRule, RuleScope } from './job-definition.js';
import type { FeatureFamily } from './functions.js';

/** Filter lists by id (Elastic's `PUT _ml/filters/<id>` items), as given in a `filters` key next to the jobs. */
export type FilterLists = Record<string, string[]>;

/** rare/freq_rare/metric/lat_long results have no single actual/typical, so only `time` conditions make sense. */
const TIME_ONLY_FAMILIES: ReadonlySet<FeatureFamily> = new Set(['rare', 'freq_rare', 'metric', 'lat_long']);

export function buildCustomRules(
  rules: CustomRuleJson[] | undefined,
  family: FeatureFamily,
  splitFields: string[],
  filters: FilterLists,
  where: string,
  keyPrefix: string,
): CustomRule[] {
  if (!rules) return [];
  return rules.map((rule, i) => {
    const key = `${keyPrefix}.custom_rules[${i}]`;
    const actions = rule.actions ?? ['skip_result'];
    if (actions.includes('force_time_shift')) {
      throw new ConfigError(where, `${key}.actions`, 'force_time_shift is not supported', 'remove the action; shift the data upstream instead');
    }
    const conditions = (rule.conditions ?? []).map((c) => ({ appliesTo: c.applies_to, operator: c.operator, value: c.value }));
    const scope: RuleScope[] = Object.entries(rule.scope ?? {}).map(([field, entry]) => {
      if (!splitFields.includes(field)) {
        throw new ConfigError(where, `${key}.scope.${field}`, 'scope field is not one of the detector\'s by/over/partition fields',
          `use one of: ${splitFields.join(', ') || '(the detector has no split fields)'}`);
      }
      const items = filters[entry.filter_id];
      if (!items) {
        throw new ConfigError(where, `${key}.scope.${field}.filter_id`, `unknown filter "${entry.filter_id}"`,
          'define it in a "filters" key of the job/module file: {"filters": {"<id>": ["item", "prefix*"]}}');
      }
      return { field, filterId: entry.filter_id, filterType: entry.filter_type ?? 'include', items };
    });
    if (conditions.length === 0 && scope.length === 0) {
      throw new ConfigError(where, key, 'a custom rule needs a scope or at least one condition', 'add "conditions" or "scope"');
    }
    if (TIME_ONLY_FAMILIES.has(family)) {
      const bad = conditions.findIndex((c) => c.appliesTo !== 'time');
      if (bad >= 0) {
        throw new ConfigError(where, `${key}.conditions[${bad}].applies_to`, `function family ${family} only allows "time" conditions`,
          'use applies_to "time" or a scope');
      }
    }
    return { actions: actions.filter((a): a is 'skip_result' | 'skip_model_update' => a !== 'force_time_shift'), conditions, scope };
  });
}
