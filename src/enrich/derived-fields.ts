/** Fields rules expect but logs often lack, computed from fields that are there. */

export type NetworkDirection = 'egress' | 'ingress' | 'internal' | 'external';

/** ECS `network.direction` from the two ends' sides of the perimeter (Elastic's network_direction processor). */
export function networkDirection(sourceInternal: boolean, destinationInternal: boolean): NetworkDirection {
  if (sourceInternal) return destinationInternal ? 'internal' : 'egress';
  return destinationInternal ? 'ingress' : 'external';
}

/** ECS `file.directory` of a Windows or POSIX path: everything before the last separator (`/etc/passwd` → `/etc`). */
export function fileDirectory(path: string): string | undefined {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  if (cut === 0) return path[0]; // a file in the root: `/x` → `/`
  if (cut === 2 && path[1] === ':') return path.slice(0, 3); // `C:\x` → `C:\`
  return path.slice(0, cut);
}
