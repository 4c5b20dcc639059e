// Writes one half-hour summary to a novel destination, with the DNS lookup that usually precedes it.
import { MINUTE_MS, SLOT_MS } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { dnsQueryDoc, networkFlowDoc } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';
import type { Host } from '../organisation.js';
import type { Rng } from '../random.js';

/** A destination the organisation (or this host) had not used before. */
export interface NovelDestination {
  ip: string;
  port: number;
  country: string;
  process: string;
  domain: string;
}

/**
 * Emits a summary in `slot` of the day. `lookup`: also emit the DNS query for the name (a first contact always
 * resolves it; later contacts often hit the resolver cache).
 */
export function emitNovelFlow(
  ctx: DayContext, out: EventSink, rng: Rng, host: Host, slot: number, destination: NovelDestination,
  bytes: { sent: number; received: number }, lookup: boolean,
): void {
  const slotMs = ctx.dayStartMs + slot * SLOT_MS;
  out.emit('network', slotMs, networkFlowDoc(slotMs, {
    host, process: destination.process, destinationIp: destination.ip, destinationPort: destination.port,
    country: destination.country, sentBytes: bytes.sent, receivedBytes: bytes.received,
  }, ctx.rawGeo));
  if (!lookup) return;
  const ms = slotMs + rng.int(0, 29) * MINUTE_MS + rng.int(0, 59_999);
  out.emit('dns', ms, dnsQueryDoc(ms, host, destination.process, destination.domain, destination.ip));
}
