// The heavier benign one-offs that look like exfiltration: big uploads to new sites, a vendor session on a new port.
import { countryTld } from './catalogues.js';
import type { TurnoverEpisode } from './episode.js';
import { humanBytes, officeSlot, type EpisodePlanner } from './episode-planner.js';

type HeavyKind = (planner: EpisodePlanner, day: number) => TurnoverEpisode;

/** A user sends a ~300 MB video or archive to a customer through a file-sharing site never used before. */
const fileShareUpload: HeavyKind = (planner, day) => {
  const { rng } = planner;
  const host = planner.pickHost();
  const sent = rng.logNormal(300_000_000, 0.15);
  const destination = { ip: planner.ips.take('NL'), port: 443, country: 'NL', process: 'chrome.exe', domain: 'upload.wetransfer.com' };
  return {
    id: planner.uniqueId(`file-share-upload-${host.name}`),
    description: `${host.user} uploads ${humanBytes(sent)} to a file-sharing site (${destination.domain}, ${destination.ip}) nobody used before`,
    host, day, firstSlot: officeSlot(rng), slots: 2, destination, firstDaySentBytes: sent, receivedRatio: 0.02,
    recurChance: 0, recurMedianSentBytes: 0,
  };
};

/** A vendor's support engineer views a user's screen for an hour over TeamViewer (port 5938, new to the org). */
const vendorSupportSession: HeavyKind = (planner, day) => {
  const { rng } = planner;
  const host = planner.pickHost();
  const sent = rng.logNormal(45_000_000, 0.3);
  const destination = { ip: planner.ips.take('DE'), port: 5938, country: 'DE', process: 'TeamViewer.exe', domain: 'router7.teamviewer.com' };
  return {
    id: planner.uniqueId(`vendor-support-session-${host.name}`),
    description: `A vendor supports ${host.user} on ${host.name} over TeamViewer (port 5938, never used before): ${humanBytes(sent)} of screen sharing in 1.5 h`,
    host, day, firstSlot: officeSlot(rng), slots: 3, destination, firstDaySentBytes: sent, receivedRatio: 0.15,
    recurChance: 0, recurMedianSentBytes: 0,
  };
};

/** OneDrive moves a user's library to a new storage endpoint after a CDN switch and re-uploads it. */
const cloudStorageSwitch: HeavyKind = (planner, day) => {
  const { rng } = planner;
  const host = planner.pickHost();
  const sent = rng.logNormal(450_000_000, 0.2);
  const country = host.destinations.find((d) => d.provider === 'microsoft365')?.country ?? 'IE';
  const destination = { ip: planner.ips.take(country), port: 443, country, process: 'OneDrive.exe', domain: 'contoso-my.sharepoint.com' };
  return {
    id: planner.uniqueId(`cloud-storage-switch-${host.name}`),
    description: `OneDrive on ${host.name} re-syncs ${humanBytes(sent)} to a new storage endpoint ${destination.ip} after a CDN switch, then keeps using it`,
    host, day, firstSlot: officeSlot(rng), slots: 4, destination, firstDaySentBytes: sent, receivedRatio: 0.05,
    recurChance: 0.6, recurMedianSentBytes: 2_000_000,
  };
};

/** A user sends trade-fair material to a partner's portal in a country nobody in the organisation reached before. */
const partnerTransferAbroad: HeavyKind = (planner, day) => {
  const { rng } = planner;
  const host = planner.pickHost();
  const country = planner.nextNewCountry() ?? 'ES';
  const sent = rng.logNormal(150_000_000, 0.3);
  const destination = { ip: planner.ips.take(country), port: 443, country, process: 'msedge.exe', domain: `transfer.expopartner.${countryTld(country)}` };
  return {
    id: planner.uniqueId(`partner-transfer-${country}-${host.name}`),
    description: `${host.user} uploads ${humanBytes(sent)} of trade-fair material to a partner's portal in ${country}, a country the organisation never sent data to`,
    host, day, firstSlot: officeSlot(rng), slots: 2, destination, firstDaySentBytes: sent, receivedRatio: 0.03,
    recurChance: 0, recurMedianSentBytes: 0,
  };
};

/** The heavy one-offs in the order they occur across the month (the cycle restarts in longer datasets). */
export const HEAVY_ONE_OFFS: readonly HeavyKind[] = [fileShareUpload, vendorSupportSession, cloudStorageSwitch, partnerTransferAbroad];
