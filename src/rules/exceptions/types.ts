/** Elastic exception list shapes (the `_export` NDJSON of exception lists, or a plain JSON array of items). */

export type ExceptionEntryType = 'match' | 'match_any' | 'exists' | 'wildcard' | 'nested' | 'list';

export interface ExceptionEntry {
  field: string;
  type: ExceptionEntryType;
  /** Absent on `nested` entries. */
  operator?: 'included' | 'excluded';
  value?: string | string[];
  /** Sub-entries of a `nested` entry; their fields are relative to `field`. */
  entries?: ExceptionEntry[];
  /** Value-list reference of a `list` entry. */
  list?: { id: string; type: string };
}

export interface ExceptionItem {
  list_id: string;
  item_id?: string;
  name?: string;
  description?: string;
  entries: ExceptionEntry[];
  os_types?: string[];
  namespace_type?: string;
  /** ISO time after which Elastic stops applying the item; compared with the document's own time. */
  expire_time?: string;
  outflow?: { applies_to?: string[] };
}

export interface ExceptionList {
  listId: string;
  name?: string;
  type?: string;
  file: string;
  /** Our extension: rule ids the list applies to (`["*"]` = every rule), besides rules naming it in `exceptions_list`. */
  appliesTo: string[];
  items: ExceptionItem[];
}
