/**
 * Recognises exception-list documents among the JSON objects of a file (list containers, items, our
 * `{list_id, items:[…]}` form) and groups them into lists.
 */
import { ConfigError } from '../../errors.js';
import { exceptionItemSchema, exceptionListSchema } from './exception-schema.js';
import type { ExceptionItem, ExceptionList } from './types.js';

export type DocKind = 'rule' | 'exception_item' | 'exception_list' | 'export_summary' | 'unknown';

const RULE_TYPES = new Set(['query', 'eql', 'threshold', 'new_terms', 'machine_learning', 'esql', 'threat_match', 'saved_query']);
const LIST_TYPES = new Set(['detection', 'endpoint', 'rule_default', 'endpoint_trusted_apps', 'endpoint_events', 'endpoint_host_isolation_exceptions', 'endpoint_blocklists']);

/** What a JSON object found in a rule/exception file is. */
export function classifyDoc(doc: Record<string, unknown>): DocKind {
  if (Object.keys(doc).some((k) => k.startsWith('exported_') || k.startsWith('missing_'))) return 'export_summary';
  if (typeof doc.rule_id === 'string' || (typeof doc.type === 'string' && RULE_TYPES.has(doc.type) && 'query' in doc)) return 'rule';
  if (typeof doc.list_id === 'string' && Array.isArray(doc.entries)) return 'exception_item';
  if (typeof doc.list_id === 'string' && (Array.isArray(doc.items) || (typeof doc.type === 'string' && LIST_TYPES.has(doc.type)) || 'outflow' in doc)) return 'exception_list';
  return 'unknown';
}

/** Collects containers and items of one or more files into lists keyed by list_id; errors name file and key. */
export class ExceptionListCollector {
  private readonly lists = new Map<string, ExceptionList>();
  readonly errors: Array<{ file: string; message: string }> = [];

  private listFor(listId: string, file: string): ExceptionList {
    let list = this.lists.get(listId);
    if (!list) {
      list = { listId, file, appliesTo: [], items: [] };
      this.lists.set(listId, list);
    }
    return list;
  }

  addContainer(doc: Record<string, unknown>, file: string, where: string): void {
    const r = exceptionListSchema.safeParse(doc);
    if (!r.success) {
      for (const i of r.error.issues) this.errors.push({ file, message: new ConfigError(where, i.path.join('.'), i.message).message });
      return;
    }
    const list = this.listFor(r.data.list_id, file);
    if (r.data.name) list.name = r.data.name;
    if (r.data.type) list.type = r.data.type;
    for (const id of r.data.outflow?.applies_to ?? []) if (!list.appliesTo.includes(id)) list.appliesTo.push(id);
    if (Array.isArray(doc.items)) doc.items.forEach((item, i) => this.addItem(item, file, `${where} items[${i}]`, r.data.list_id));
  }

  addItem(doc: unknown, file: string, where: string, defaultListId?: string): void {
    const withList = typeof doc === 'object' && doc !== null && defaultListId && !('list_id' in doc) ? { ...doc, list_id: defaultListId } : doc;
    const r = exceptionItemSchema.safeParse(withList);
    if (!r.success) {
      const itemId = typeof (doc as { item_id?: unknown })?.item_id === 'string' ? ` item ${(doc as { item_id: string }).item_id}` : '';
      for (const i of r.error.issues) {
        this.errors.push({ file, message: new ConfigError(`${where}${itemId}`, i.path.join('.'), i.message, 'see Elastic exception list item format: entries[{field, operator, type, value}]').message });
      }
      return;
    }
    this.listFor(r.data.list_id, file).items.push(r.data as ExceptionItem);
  }

  result(): ExceptionList[] {
    return [...this.lists.values()];
  }
}
