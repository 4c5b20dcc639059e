// Benign DNS lookups that have no flow of their own: internal names, ad and CDN domains, telemetry.
import { HOUR_MS, officeActivity } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { dnsQueryDoc } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';

const BACKGROUND_NAMES = [
  'settings-win.data.microsoft.com', 'ctldl.windowsupdate.com', 'www.msftconnecttest.com', 'edge.microsoft.com',
  'clients2.google.com', 'safebrowsing.googleapis.com', 'cdn.jsdelivr.net', 'ajax.googleapis.com',
  'static.doubleclick.net', 'connect.facebook.net', 'platform.linkedin.com', 'ocsp.digicert.com',
];

/** Background DNS lookups for every workstation for one day. */
export function dnsActivity(ctx: DayContext, out: EventSink): void {
  const internalNames = [...ctx.org.fileServers, ctx.org.domainController].map((h) => `${h.name}.corp.contoso.local`);
  for (const host of ctx.org.workstations) {
    const rng = ctx.rng('dns', host.name);
    for (let hour = 0; hour < 24; hour++) {
      const lookups = rng.poisson(officeActivity(hour, ctx.weekend) * host.activity * 8 + 0.3);
      for (let i = 0; i < lookups; i++) {
        const ms = ctx.dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
        const internal = rng.chance(0.35);
        const name = internal ? rng.pick(internalNames) : rng.pick(BACKGROUND_NAMES);
        out.emit('dns', ms, dnsQueryDoc(ms, host, internal ? 'svchost.exe' : rng.pick(['chrome.exe', 'msedge.exe', 'svchost.exe']), name));
      }
    }
  }
}
