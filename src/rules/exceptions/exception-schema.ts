/** zod schemas of Elastic exception list containers and items (as in the exception list `_export` NDJSON). */
import { z } from 'zod';
import type { ExceptionEntry } from './types.js';

const operator = z.enum(['included', 'excluded']).default('included');

const flatEntry = z.looseObject({
  field: z.string().min(1),
  operator,
  type: z.enum(['match', 'match_any', 'exists', 'wildcard', 'list']),
  value: z.union([z.string(), z.array(z.string())]).optional(),
  list: z.looseObject({ id: z.string(), type: z.string() }).optional(),
});

const nestedEntry = z.looseObject({
  field: z.string().min(1),
  type: z.literal('nested'),
  entries: z.array(flatEntry).min(1),
});

export const exceptionEntrySchema: z.ZodType<ExceptionEntry> = z.union([nestedEntry, flatEntry]) as z.ZodType<ExceptionEntry>;

export const exceptionItemSchema = z.looseObject({
  list_id: z.string().min(1),
  item_id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  entries: z.array(exceptionEntrySchema).min(1),
  os_types: z.array(z.string()).optional(),
  namespace_type: z.string().optional(),
  expire_time: z.string().optional(),
  outflow: z.looseObject({ applies_to: z.array(z.string()).optional() }).optional(),
});

export const exceptionListSchema = z.looseObject({
  list_id: z.string().min(1),
  name: z.string().optional(),
  type: z.string().optional(),
  outflow: z.looseObject({ applies_to: z.array(z.string()).optional() }).optional(),
});
