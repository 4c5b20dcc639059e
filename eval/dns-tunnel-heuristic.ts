// A query-name DNS-tunnel score (0–1) from length, label size, entropy and character classes of the subdomain part.
// Meant to move into the engine's content/enrichment once the lead picks its home; the evaluation calls it from here.

// Second-level labels under which registrations sit one level deeper (google.co.uk, uol.com.br).
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go']);

/** Splits a query name into the part left of its registered domain and the registered domain. */
export function splitQueryName(queryName: string): { subdomain: string; registeredDomain: string } {
  const labels = queryName.replace(/\.$/, '').split('.').filter((l) => l.length > 0);
  const n = labels.length;
  const keep = n >= 3 && labels[n - 1].length === 2 && SECOND_LEVEL.has(labels[n - 2].toLowerCase()) ? 3 : 2;
  return { subdomain: labels.slice(0, Math.max(0, n - keep)).join('.'), registeredDomain: labels.slice(-keep).join('.') };
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export interface TunnelFeatures {
  subdomainLength: number;
  longestLabel: number;
  entropy: number;
  digitRatio: number;
  /** Characters never used in hostnames but common in encodings: + / = _ and non-ASCII. */
  encodingChars: boolean;
  /** Upper and lower case letters mixed in one label, as base64 produces. */
  mixedCase: boolean;
}

export function tunnelFeatures(queryName: string): TunnelFeatures {
  const { subdomain } = splitQueryName(queryName);
  const labels = subdomain.split('.').filter((l) => l.length > 0);
  const digits = (subdomain.match(/[0-9]/g) ?? []).length;
  return {
    subdomainLength: subdomain.length,
    longestLabel: labels.reduce((m, l) => Math.max(m, l.length), 0),
    entropy: shannonEntropy(subdomain.replace(/\./g, '')),
    digitRatio: subdomain.length > 0 ? digits / subdomain.length : 0,
    encodingChars: /[+/=_]|[^\x00-\x7f]/.test(subdomain),
    mixedCase: labels.some((l) => /[a-z]/.test(l) && /[A-Z]/.test(l)),
  };
}

/** 0 (ordinary name) … 1 (looks like encoded data). A bare registered domain scores 0. */
export function tunnelScore(queryName: string): number {
  const f = tunnelFeatures(queryName);
  if (f.subdomainLength === 0) return 0;
  const score =
    0.3 * Math.min(1, f.subdomainLength / 50) +
    0.15 * Math.min(1, f.longestLabel / 30) +
    0.25 * Math.min(1, f.entropy / 4.5) +
    0.1 * Math.min(1, f.digitRatio * 3) +
    0.1 * (f.encodingChars ? 1 : 0) +
    0.1 * (f.mixedCase ? 1 : 0);
  return Math.round(score * 1000) / 1000;
}
