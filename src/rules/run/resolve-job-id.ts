/** Rule job ids → loaded job ids: current Elastic rules name `<job>_ea` (Entity Analytics variants) of module jobs. */

export function resolveRuleJobId(requested: string, loaded: readonly string[]): string | undefined {
  if (loaded.includes(requested)) return requested;
  if (requested.endsWith('_ea')) {
    const base = requested.slice(0, -3);
    if (loaded.includes(base)) return base;
  } else if (loaded.includes(`${requested}_ea`)) {
    return `${requested}_ea`;
  }
  return undefined;
}
