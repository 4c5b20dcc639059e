// What novel benign destinations look like: services on non-standard ports, countries first reached, web newcomers.

/** A service that brings a non-standard destination port into the organisation when a user starts using it. */
export interface PortService {
  port: number;
  service: string;
  country: string;
  process: string;
  domain: string;
  /** Median bytes sent per half hour of use. */
  medianSentBytes: number;
  /** Received bytes per sent byte (a music stream receives far more than it sends). */
  receivedRatio: number;
  /** Chance per later weekday that the user uses it again (0: a one-off). */
  recurChance: number;
}

/**
 * Non-standard ports benign users bring in. Volumes are modest (KB to a few MB per half hour); none is an attack port
 * (4444 stays reserved for the exfiltration scenario) and 5938 is kept for the labelled vendor support session.
 */
export const PORT_SERVICES: readonly PortService[] = [
  { port: 993, service: 'IMAPS mail client', country: 'US', process: 'thunderbird.exe', domain: 'imap.fastmail.com', medianSentBytes: 150_000, receivedRatio: 8, recurChance: 0.7 },
  { port: 587, service: 'SMTP submission', country: 'US', process: 'thunderbird.exe', domain: 'smtp.fastmail.com', medianSentBytes: 1_500_000, receivedRatio: 0.05, recurChance: 0.5 },
  { port: 8080, service: "a vendor's web portal", country: 'NL', process: 'chrome.exe', domain: 'portal.supplier-hub.nl', medianSentBytes: 200_000, receivedRatio: 6, recurChance: 0.3 },
  { port: 3389, service: "RDP to a vendor's hosted application", country: 'GB', process: 'mstsc.exe', domain: 'apps.ledgerhost.co.uk', medianSentBytes: 1_500_000, receivedRatio: 12, recurChance: 0.2 },
  { port: 22, service: 'SSH to a hosting provider', country: 'DE', process: 'ssh.exe', domain: 'vps42.hetzner-like.de', medianSentBytes: 300_000, receivedRatio: 2, recurChance: 0.4 },
  { port: 5228, service: 'push notifications', country: 'US', process: 'chrome.exe', domain: 'mtalk.google.com', medianSentBytes: 15_000, receivedRatio: 2, recurChance: 0.8 },
  { port: 4070, service: 'Spotify', country: 'SE', process: 'Spotify.exe', domain: 'ap-gew4.spotify.com', medianSentBytes: 120_000, receivedRatio: 40, recurChance: 0.8 },
  { port: 19302, service: 'WebRTC STUN', country: 'US', process: 'chrome.exe', domain: 'stun.l.google.com', medianSentBytes: 2_500_000, receivedRatio: 1, recurChance: 0.3 },
  { port: 3478, service: 'WebRTC TURN relay', country: 'NL', process: 'chrome.exe', domain: 'turn.meet-relay.nl', medianSentBytes: 3_000_000, receivedRatio: 1, recurChance: 0.2 },
  { port: 5222, service: 'WhatsApp desktop', country: 'IE', process: 'WhatsApp.exe', domain: 'g.whatsapp.net', medianSentBytes: 80_000, receivedRatio: 3, recurChance: 0.8 },
  { port: 8883, service: 'MQTT of a smart-office app', country: 'IE', process: 'RoomBooking.exe', domain: 'iot.roombooker.io', medianSentBytes: 40_000, receivedRatio: 1, recurChance: 0.9 },
  { port: 1194, service: 'personal OpenVPN', country: 'CH', process: 'openvpn.exe', domain: 'vpn.swissvpn-like.ch', medianSentBytes: 4_000_000, receivedRatio: 3, recurChance: 0.2 },
  { port: 2083, service: 'a web hosting control panel', country: 'US', process: 'chrome.exe', domain: 'cp.hostpanel-like.com', medianSentBytes: 250_000, receivedRatio: 5, recurChance: 0.2 },
  { port: 9418, service: 'git protocol', country: 'US', process: 'git.exe', domain: 'git.kernel-mirror.org', medianSentBytes: 60_000, receivedRatio: 50, recurChance: 0.3 },
];

/** Countries benign users first reach during the month, in the order they are introduced (never RU/BR: attackers'). */
export const NEW_COUNTRIES: readonly string[] = [
  'ES', 'IT', 'PL', 'AT', 'BE', 'DK', 'FI', 'NO', 'PT', 'CZ', 'IN', 'KR', 'MX', 'ZA', 'NZ', 'IL', 'TW', 'HK', 'AE',
  'TR', 'GR', 'HU', 'AR', 'CL', 'TH', 'MY', 'ID', 'VN', 'PH', 'RO',
];

/** Country-code top-level domain of a country (GB uses .uk). */
export function countryTld(iso: string): string {
  return iso === 'GB' ? 'uk' : iso.toLowerCase();
}

export const FOREIGN_SITE_WORDS = ['hotel', 'travel', 'news', 'supplier', 'expo', 'rail', 'partner', 'fair', 'shop', 'tickets'];

/** Ad, analytics, CDN and news hosts a browser reaches once (all in countries the organisation already uses). */
export const WEB_NEWCOMER_DOMAINS: readonly string[] = [
  'static.cloudflareinsights.com', 'www.googletagmanager.com', 'px.ads.linkedin.com', 'bat.bing.com', 'cdn.optimizely.com',
  'js.hs-analytics.net', 'assets.adobedtm.com', 'www.theguardian.com', 'www.spiegel.de', 'www.lefigaro.fr',
  'www.reuters.com', 'images.unsplash.com', 'fonts.bunny.net', 'cdn.shopify.com', 'i.ytimg.com',
];

/** Where web newcomers are hosted (weights): mostly the US, then the European countries the organisation uses. */
export const WEB_NEWCOMER_COUNTRIES: ReadonlyArray<[string, number]> = [
  ['US', 50], ['GB', 10], ['DE', 10], ['NL', 10], ['FR', 8], ['IE', 7], ['SE', 3], ['CH', 2],
];

/** Updaters that fetch from a fresh mirror: small requests, big downloads. */
export const UPDATERS: ReadonlyArray<{ process: string; domain: string }> = [
  { process: 'GoogleUpdate.exe', domain: 'dl.google.com' },
  { process: 'AdobeARM.exe', domain: 'armmf.adobe.com' },
  { process: 'Code.exe', domain: 'update.code.visualstudio.com' },
  { process: 'MicrosoftEdgeUpdate.exe', domain: 'msedge.b.tlu.dl.delivery.mp.microsoft.com' },
  { process: 'OneDriveStandaloneUpdater.exe', domain: 'oneclient.sfx.ms' },
];
export const UPDATE_COUNTRIES: readonly string[] = ['US', 'IE', 'NL'];
