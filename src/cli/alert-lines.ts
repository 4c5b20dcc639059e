/** Renders alerts for a terminal: one block per alert with rule, entity, score and the plain-language explanation. */
type Doc = Record<string, unknown>;

function get(doc: Doc, path: string): unknown {
  if (path in doc) return doc[path];
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Doc)[part];
  }
  return node;
}

function first(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[0]) : undefined;
  return v === undefined || v === null ? undefined : String(v);
}

const ENTITY_FIELDS = ['host.name', 'user.name', 'process.name', 'source.ip', 'destination.ip', 'destination.port', 'destination.geo.country_iso_code', 'cloud.account.id'];

export function alertEntity(doc: Doc): string {
  const parts: string[] = [];
  for (const f of ENTITY_FIELDS) {
    const v = first(get(doc, f));
    if (v !== undefined) parts.push(`${f}=${v}`);
  }
  return parts.join(' ');
}

export function formatAlert(doc: Doc): string {
  const name = String(get(doc, 'kibana.alert.rule.name') ?? '?');
  const time = String(get(doc, 'kibana.alert.original_time') ?? get(doc, '@timestamp') ?? '');
  const score = get(doc, 'record_score') ?? get(doc, 'anomaly.record_score');
  const sev = String(get(doc, 'kibana.alert.severity') ?? '');
  const risk = String(get(doc, 'kibana.alert.risk_score') ?? '');
  const head = `• ${time}  ${name}  [${sev}, risk ${risk}${typeof score === 'number' ? `, anomaly score ${score.toFixed(0)}` : ''}]`;
  const entity = alertEntity(doc);
  const why = String(get(doc, 'outflow.explanation') ?? get(doc, 'kibana.alert.reason') ?? '');
  return [head, entity ? `    ${entity}` : '', `    ${why}`].filter(Boolean).join('\n');
}
