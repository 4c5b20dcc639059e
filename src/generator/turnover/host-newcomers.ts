// Everyday turnover of destination IPs per host: CDN rotation, ad/analytics and news hosts, update mirrors.
import { officeActivity, SLOTS_PER_DAY } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import type { EventSink } from '../event-sink.js';
import type { BenignLookalike } from '../options.js';
import type { Host } from '../organisation.js';
import type { Rng } from '../random.js';
import { hostNetworkRng, takesDayOff } from '../activity/network-activity.js';
import { UPDATE_COUNTRIES, UPDATERS, WEB_NEWCOMER_COUNTRIES, WEB_NEWCOMER_DOMAINS } from './catalogues.js';
import { humanBytes } from './episode-planner.js';
import type { NewcomerIpSource } from './newcomer-ips.js';
import { emitNovelFlow, type NovelDestination } from './novel-flow.js';
import {
  BULK_LABEL_THRESHOLD_BYTES, BULK_NEWCOMER_CHANCE, BULK_NEWCOMER_MEDIAN_BYTES, NEWCOMER_CONTINUE_CHANCE, NEWCOMER_REVISIT_CHANCE,
  SERVER_NEWCOMERS_PER_DAY, WORKSTATION_NEWCOMERS_PER_WEEKDAY,
} from './rates.js';

/** Sum of the weekday office curve over the day's half hours: turns a daily rate into a per-slot one. */
const WEEKDAY_ACTIVITY_SLOTS = Array.from({ length: SLOTS_PER_DAY }, (_, slot) => officeActivity(slot / 2, false)).reduce((a, b) => a + b, 0);

/** A newcomer's destination and how much it carries per half hour. */
interface Newcomer {
  destination: NovelDestination;
  medianSentBytes: number;
  receivedRatio: number;
}

interface Revisit extends Newcomer {
  host: Host;
}

function weightedPick(rng: Rng, weights: ReadonlyArray<[string, number]>): string {
  let roll = rng.next() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[0][0];
}

/** Generates every host's never-seen destinations day by day, remembering the few that become short habits. */
export class HostNewcomers {
  private readonly revisits = new Map<number, Revisit[]>();
  private readonly bulkLabels: BenignLookalike[] = [];

  constructor(private readonly ips: NewcomerIpSource) {}

  /** Labels of the bulk newcomers generated so far (complete once every day has run). */
  labels(): BenignLookalike[] {
    return [...this.bulkLabels];
  }

  day(ctx: DayContext, out: EventSink): void {
    for (const host of ctx.org.hosts) {
      if (host.role === 'workstation') this.workstationDay(ctx, out, host);
      else this.serverDay(ctx, out, host);
    }
    this.revisitDay(ctx, out);
  }

  private workstationDay(ctx: DayContext, out: EventSink, host: Host): void {
    if (takesDayOff(ctx, hostNetworkRng(ctx, host))) return;
    const rng = ctx.rng('turnover', host.name);
    const perSlot = WORKSTATION_NEWCOMERS_PER_WEEKDAY / WEEKDAY_ACTIVITY_SLOTS;
    for (let slot = 0; slot < SLOTS_PER_DAY; slot++) {
      const count = rng.poisson(officeActivity(slot / 2, ctx.weekend) * host.activity * perSlot);
      for (let i = 0; i < count; i++) {
        // Bulk newcomers are storage/collaboration endpoints of services the person already uses.
        if (rng.chance(BULK_NEWCOMER_CHANCE) && host.destinations.length > 0) this.bulk(ctx, out, rng, host, slot, this.rotated(rng, host));
        else this.firstContact(ctx, out, rng, host, slot, this.workstationNewcomer(rng, host));
      }
    }
  }

  private serverDay(ctx: DayContext, out: EventSink, host: Host): void {
    const rng = ctx.rng('turnover', host.name);
    const count = rng.poisson(SERVER_NEWCOMERS_PER_DAY[host.role]);
    const { code, payment, updates } = ctx.org.serverDestinations;
    for (let i = 0; i < count; i++) {
      // Rotation of the services the server already uses: same name, country and process, a fresh address.
      const template = host.role === 'build' ? rng.pick(code) : host.role === 'web' ? rng.pick(payment) : rng.pick(updates);
      const process = host.role === 'build' || host.role === 'web' ? template.process : host.os === 'linux' ? 'apt' : 'svchost.exe';
      const newcomer: Newcomer = {
        destination: { ip: this.ips.take(template.country), port: template.port, country: template.country, process, domain: template.domain },
        medianSentBytes: host.role === 'build' ? 100_000 : 30_000,
        receivedRatio: host.role === 'web' ? 0.5 : 300,
      };
      this.firstContact(ctx, out, rng, host, host.role === 'build' ? rng.int(16, 36) : rng.int(0, SLOTS_PER_DAY - 1), newcomer);
    }
  }

  /** CDN rotation: a service the person uses answers from an address never seen before. First contacts are light. */
  private rotated(rng: Rng, host: Host): Newcomer {
    const habit = rng.pick(host.destinations);
    const port = habit.port === 80 ? 80 : 443;
    return {
      destination: { ip: this.ips.take(habit.country), port, country: habit.country, process: habit.process, domain: habit.domain },
      medianSentBytes: habit.medianSentBytes * 0.2, receivedRatio: 5,
    };
  }

  private workstationNewcomer(rng: Rng, host: Host): Newcomer {
    const roll = rng.next();
    if (roll < 0.55 && host.destinations.length > 0) return this.rotated(rng, host);
    if (roll < 0.85) {
      // Ad, analytics, CDN or news host reached from the browser.
      const country = weightedPick(rng, WEB_NEWCOMER_COUNTRIES);
      return {
        destination: { ip: this.ips.take(country), port: rng.chance(0.15) ? 80 : 443, country, process: rng.pick(['chrome.exe', 'msedge.exe']), domain: rng.pick(WEB_NEWCOMER_DOMAINS) },
        medianSentBytes: 25_000, receivedRatio: 15,
      };
    }
    // A software updater fetching from a fresh mirror: small requests, big downloads.
    const updater = rng.pick(UPDATERS);
    const country = rng.pick(UPDATE_COUNTRIES);
    return {
      destination: { ip: this.ips.take(country), port: 443, country, process: updater.process, domain: updater.domain },
      medianSentBytes: 20_000, receivedRatio: 1500,
    };
  }

  /** The first contact (with a few follow-up half hours) and, for some, revisits on the next days. */
  private firstContact(ctx: DayContext, out: EventSink, rng: Rng, host: Host, slot: number, newcomer: Newcomer): void {
    let current = slot;
    do {
      const sent = rng.logNormal(newcomer.medianSentBytes, 1.2);
      emitNovelFlow(ctx, out, rng, host, current, newcomer.destination, { sent, received: sent * newcomer.receivedRatio }, current === slot);
      current++;
    } while (current < SLOTS_PER_DAY && current - slot < 4 && rng.chance(NEWCOMER_CONTINUE_CHANCE));
    if (!rng.chance(NEWCOMER_REVISIT_CHANCE)) return;
    const days = rng.int(1, 5);
    for (let d = ctx.dayIndex + 1; d <= ctx.dayIndex + days && d < ctx.days; d++) {
      if (!rng.chance(0.6)) continue;
      const list = this.revisits.get(d) ?? [];
      list.push({ ...newcomer, host });
      this.revisits.set(d, list);
    }
  }

  /** A bulk newcomer: tens to hundreds of MB over a few half hours, labelled as a benign look-alike when large. */
  private bulk(ctx: DayContext, out: EventSink, rng: Rng, host: Host, slot: number, newcomer: Newcomer): void {
    const total = rng.logNormal(BULK_NEWCOMER_MEDIAN_BYTES, 0.9);
    const slots = Math.min(rng.int(2, 4), SLOTS_PER_DAY - slot);
    for (let i = 0; i < slots; i++) {
      const sent = (total / slots) * (0.8 + rng.next() * 0.4);
      emitNovelFlow(ctx, out, rng, host, slot + i, newcomer.destination, { sent, received: sent * 0.05 }, i === 0);
    }
    if (total < BULK_LABEL_THRESHOLD_BYTES) return;
    const { destination } = newcomer;
    this.bulkLabels.push({
      id: `bulk-newcomer-${host.name}-day${ctx.dayIndex}-${destination.ip}`,
      description: `${host.name} (${destination.process}) sends ${humanBytes(total)} to ${destination.ip} (${destination.country}), a node of ${destination.domain} never used before (a big upload or a re-sync after a CDN switch)`,
      entity: { 'host.name': host.name, 'destination.ip': destination.ip },
    });
  }

  private revisitDay(ctx: DayContext, out: EventSink): void {
    const list = this.revisits.get(ctx.dayIndex) ?? [];
    this.revisits.delete(ctx.dayIndex);
    const rng = ctx.rng('turnover-revisits');
    for (const revisit of list) {
      if (ctx.weekend && !rng.chance(0.2)) continue;
      const sent = rng.logNormal(revisit.medianSentBytes, 1.0);
      emitNovelFlow(ctx, out, rng, revisit.host, rng.int(16, 36), revisit.destination, { sent, received: sent * revisit.receivedRatio }, rng.chance(0.3));
    }
  }
}
