/** Job id lookup for rules: exact id, or the `_ea` variant current Elastic rules use (stack ≥ 9.4 module ids). */

const EA_SUFFIX = '_ea';

/**
 * `ded_high_sent_bytes_destination_port_ea` finds `ded_high_sent_bytes_destination_port` and vice versa.
 * Exact matches win; returns undefined when neither form is loaded.
 */
export function resolveJobId(requested: string, loaded: string[]): string | undefined {
  if (loaded.includes(requested)) return requested;
  if (requested.endsWith(EA_SUFFIX)) {
    const base = requested.slice(0, -EA_SUFFIX.length);
    if (loaded.includes(base)) return base;
  } else if (loaded.includes(requested + EA_SUFFIX)) {
    return requested + EA_SUFFIX;
  }
  return undefined;
}
