/**
 * Which events a job reads: the datafeed query AND the module query (Kibana applies both), evaluated on the event
 * plus the datafeed's runtime fields. `_tier` terms (data tiers) simply never match: events have no tier.
 */
import { declareAddedFlatKeys, type EcsEvent } from '../ecs/index.js';
import { compileEsDsl, compilePredicate, necessaryConditions, referencedFields, type FieldCondition } from '../query/index.js';
import type { JobDefinition } from './config/job-definition.js';
import { derivationByBuiltin, type RuntimeFieldDerivation } from './config/runtime-fields.js';

export interface EventView {
  /** The event with the job's runtime fields added (the same object when the job has none). */
  view(event: EcsEvent): EcsEvent;
  accepts(event: EcsEvent): boolean;
  /** Event fields the filter and runtime fields read (runtime field names themselves excluded). */
  fieldsRead: string[];
  runtimeFieldNames: string[];
  /** Conditions every accepted event meets on its own fields (runtime fields left out; see necessaryConditions). */
  necessary: FieldCondition[];
}

/**
 * Jobs of one module usually share their datafeed query (the four DED network jobs, the seven LMD RDP jobs): they
 * share one compiled filter, which remembers its answer for the last event, so the engine evaluates each distinct
 * query once per event however many jobs use it.
 */
interface SharedFilter {
  test(event: EcsEvent): boolean;
}
const sharedFilters = new Map<string, SharedFilter>();

function sharedFilter(key: string, predicates: Array<(e: EcsEvent) => boolean>): SharedFilter {
  let f = sharedFilters.get(key);
  if (!f) {
    let lastEvent: EcsEvent | undefined;
    let lastResult = false;
    f = {
      test(event) {
        if (event !== lastEvent) {
          lastEvent = event;
          lastResult = allPass(predicates, event);
        }
        return lastResult;
      },
    };
    if (sharedFilters.size > 256) sharedFilters.clear();
    sharedFilters.set(key, f);
  }
  return f;
}

/** `predicates.every((p) => p(event))` without a closure per event. */
function allPass(predicates: ReadonlyArray<(e: EcsEvent) => boolean>, event: EcsEvent): boolean {
  for (const p of predicates) if (!p(event)) return false;
  return true;
}

export function buildEventView(def: JobDefinition): EventView {
  const where = `${def.source} job ${def.id}`;
  const nodes = [compileEsDsl(def.datafeed.query, `${where} datafeed`)];
  if (def.module?.query !== undefined) nodes.push(compileEsDsl(def.module.query, `${where} module ${def.module.id}`));
  const predicates = nodes.map((n) => compilePredicate(n));
  const runtime: Array<[string, RuntimeFieldDerivation]> = def.datafeed.runtimeFields.map((r) => {
    const d = derivationByBuiltin(r.builtin);
    if (!d) throw new Error(`unknown runtime derivation ${r.builtin}`);
    return [r.name, d];
  });
  const runtimeNames = runtime.map(([n]) => n);
  // Views of projected events get these keys added (see ecs/flat-projection.ts).
  declareAddedFlatKeys(runtimeNames);
  // One event is usually checked (accepts) and then ingested: derive its runtime fields once.
  let lastEvent: EcsEvent | undefined;
  let lastView: EcsEvent | undefined;
  const view = (event: EcsEvent): EcsEvent => {
    if (runtime.length === 0) return event;
    if (event === lastEvent && lastView) return lastView;
    const v: EcsEvent = { ...event };
    for (const [name, d] of runtime) {
      const value = d.derive(event);
      if (value !== undefined) v[name] = value;
    }
    lastEvent = event;
    lastView = v;
    return v;
  };
  const fields = new Set<string>();
  for (const n of nodes) for (const f of referencedFields(n)) fields.add(f);
  for (const [, d] of runtime) for (const f of d.inputs) fields.add(f);
  for (const n of runtimeNames) fields.delete(n);
  fields.delete('_tier');
  // Queries that do not read a runtime field are judged on the event itself: the view (a copy with the derived
  // fields) is then made only for the events the job ingests.
  const queryFields = new Set(nodes.flatMap((n) => referencedFields(n)));
  const readsRuntime = runtimeNames.some((n) => queryFields.has(n) || queryFields.has('*'));
  const shared = readsRuntime ? undefined : sharedFilter(JSON.stringify([def.datafeed.query, def.module?.query ?? null]), predicates);
  return {
    view,
    accepts: shared
      ? (event) => shared.test(event)
      : (event) => {
          const v = view(event);
          return allPass(predicates, v);
        },
    fieldsRead: [...fields],
    runtimeFieldNames: runtimeNames,
    necessary: nodes.flatMap(necessaryConditions).filter((c) => !runtimeNames.includes(c.field) && c.field !== '_tier'),
  };
}
