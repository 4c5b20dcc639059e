/**
 * The event every stage passes along: an ECS document as parsed from JSON.
 * Fields may be nested objects (`{"source":{"ip":"…"}}`) or dotted keys (`{"source.ip":"…"}`),
 * or a mix of both; `getField` reads either. Unknown fields are kept as they came.
 */
export type EcsValue = string | number | boolean | null | EcsValue[] | { [key: string]: EcsValue };
export type EcsEvent = { [key: string]: EcsValue | undefined };
