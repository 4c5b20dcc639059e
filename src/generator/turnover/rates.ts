// How much network novelty the simulated organisation sees, and why those rates resemble real egress logs.
import type { HostRole } from '../organisation.js';

/**
 * Never-seen destination IPs a workstation reaches on a full weekday (scaled by the office curve and the person's
 * activity). Real hosts meet dozens of new IPs a day (CDN rotation, ad/analytics hosts, update mirrors), but the
 * generator only models ~10 habitual destinations and ~90 half-hour summaries per busy day, so ~2 newcomers with ~1.6
 * summaries each keep the share of flows to never-seen IPs at a few percent, as in pre-aggregated DED flow data.
 */
export const WORKSTATION_NEWCOMERS_PER_WEEKDAY = 2.2;

/**
 * Servers talk to fewer, steadier destinations; their novelty is mostly CDN/mirror rotation: the build server's
 * package registries and code hosts rotate IPs daily, payment APIs now and then, Windows Update mirrors rarely.
 */
export const SERVER_NEWCOMERS_PER_DAY: Readonly<Record<HostRole, number>> = {
  workstation: 0, build: 1.5, web: 0.6, 'file-server': 0.25, 'domain-controller': 0.25, backup: 0.1,
};

/** Chance a newcomer is used again in the next half hour (a page with several requests), up to three times. */
export const NEWCOMER_CONTINUE_CHANCE = 0.4;

/** Chance a newcomer becomes a short habit (a new SaaS endpoint, a site the user returns to) for 1–5 more days. */
export const NEWCOMER_REVISIT_CHANCE = 0.25;

/**
 * Newcomers carry KB in their first hours (first-hour sent bytes: log-normal around 25–100 KB), but about one in 250 is
 * a bulk endpoint: a cloud-storage node after a CDN switch, a user's big upload to a new site (tens to hundreds of
 * MB). Those are labelled as benign look-alikes so that the alerts they cause can be attributed.
 */
export const BULK_NEWCOMER_CHANCE = 0.004;
export const BULK_NEWCOMER_MEDIAN_BYTES = 60_000_000;
/** Bulk newcomers above this many bytes get their own benign label. */
export const BULK_LABEL_THRESHOLD_BYTES = 20_000_000;

/**
 * Org-wide episodes per weekday for an organisation of ~55 workstations (weekends: a quarter of it): a user sets up a
 * mail client on IMAPS/SMTP submission, a vendor's portal on 8080, Spotify on 4070, WebRTC/STUN, WhatsApp on 5222 …
 * ~3 per week, of which most introduce a port nobody used before and a third are a second user of an earlier one.
 */
export const NEW_PORT_EPISODES_PER_WEEKDAY = 0.55;
/** A travel site, a vendor's server, a news site abroad: ~2 per week org-wide, small volumes. */
export const NEW_COUNTRY_EPISODES_PER_WEEKDAY = 0.35;
export const WEEKEND_EPISODE_FACTOR = 0.25;
/** Share of port/country episodes that reuse an already-introduced port/country (another user of the same service). */
export const SECOND_USER_SHARE = 0.3;

/** Heavier benign one-offs (300 MB to a file-sharing site, a vendor support session on a new port…): ~one per week. */
export const HEAVY_ONE_OFFS_PER_WEEK = 1;

/**
 * Bigger organisations see more novelty, but not linearly: users of one organisation share services and sites.
 * The square root of the workstation count relative to 55, kept between half and double.
 */
export function organisationScale(workstations: number): number {
  return Math.min(2, Math.max(0.5, Math.sqrt(workstations / 55)));
}
