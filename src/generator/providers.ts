// The internet services the simulated organisation talks to: who they are, where their IPs are, which process talks.

export interface Provider {
  id: string;
  countries: readonly string[];
  ports: readonly number[];
  processes: readonly string[];
  domains: readonly string[];
  /** Median bytes a busy host sends to one of its IPs in a 30-minute slot. */
  medianSentBytes: number;
}

/** Everyday SaaS used by workstations; each host habitually uses a personal subset of these. */
export const WORKSTATION_PROVIDERS: readonly Provider[] = [
  { id: 'microsoft365', countries: ['US', 'IE', 'NL'], ports: [443, 3478], processes: ['OUTLOOK.EXE', 'Teams.exe', 'OneDrive.exe', 'msedge.exe'], domains: ['outlook.office365.com', 'teams.microsoft.com', 'contoso-my.sharepoint.com', 'login.microsoftonline.com'], medianSentBytes: 400_000 },
  { id: 'google', countries: ['US', 'DE'], ports: [443, 5228], processes: ['chrome.exe'], domains: ['www.google.com', 'docs.google.com', 'fonts.gstatic.com'], medianSentBytes: 120_000 },
  { id: 'aws', countries: ['US', 'IE', 'DE', 'JP', 'SG'], ports: [443], processes: ['chrome.exe', 'msedge.exe'], domains: ['console.aws.amazon.com', 's3.amazonaws.com', 'cdn.assets-aws.com'], medianSentBytes: 150_000 },
  { id: 'salesforce', countries: ['US', 'GB', 'FR'], ports: [443], processes: ['chrome.exe', 'msedge.exe'], domains: ['contoso.my.salesforce.com', 'login.salesforce.com'], medianSentBytes: 200_000 },
  { id: 'zoom', countries: ['US', 'SE'], ports: [443, 8801], processes: ['Zoom.exe'], domains: ['zoom.us', 'us05web.zoom.us'], medianSentBytes: 2_000_000 },
  { id: 'slack', countries: ['US', 'JP'], ports: [443], processes: ['slack.exe'], domains: ['contoso.slack.com', 'files.slack.com'], medianSentBytes: 80_000 },
  { id: 'atlassian', countries: ['DE', 'AU'], ports: [443, 8443], processes: ['chrome.exe'], domains: ['contoso.atlassian.net', 'api.atlassian.com'], medianSentBytes: 150_000 },
  { id: 'news-web', countries: ['US', 'GB', 'FR', 'NL'], ports: [80, 443], processes: ['chrome.exe', 'msedge.exe'], domains: ['www.bbc.co.uk', 'www.lemonde.fr', 'www.nytimes.com', 'www.nu.nl'], medianSentBytes: 40_000 },
];

/** The SaaS the organisation adopts gradually from mid-month (a common source of "new destination" false alerts). */
export const NEW_SAAS: Provider = { id: 'new-saas', countries: ['CA'], ports: [443], processes: ['chrome.exe', 'msedge.exe'], domains: ['app.flowdesk.ca', 'files.flowdesk.ca'], medianSentBytes: 300_000 };

/** Off-site backup provider abroad that bk-01 uploads to every night. */
export const BACKUP_CLOUD: Provider = { id: 'backup-cloud', countries: ['CH'], ports: [443], processes: ['VeeamAgent.exe'], domains: ['vault.swissbackup.ch'], medianSentBytes: 9_000_000_000 };

/** Services the build server and web servers use. */
export const CODE_HOSTING: Provider = { id: 'code-hosting', countries: ['US'], ports: [443, 22, 443], processes: ['git', 'git', 'node'], domains: ['github.com', 'github.com', 'registry.npmjs.org'], medianSentBytes: 300_000 };
export const ARTIFACT_STORE: Provider = { id: 'artifact-store', countries: ['IE'], ports: [443], processes: ['aws'], domains: ['contoso-artifacts.s3.eu-west-1.amazonaws.com'], medianSentBytes: 150_000_000 };
export const PAYMENT_API: Provider = { id: 'payment-api', countries: ['US', 'IE'], ports: [443], processes: ['node'], domains: ['api.stripe-like.com'], medianSentBytes: 60_000 };
export const OS_UPDATES: Provider = { id: 'os-updates', countries: ['US', 'IE', 'GB'], ports: [80, 443], processes: ['svchost.exe', 'apt'], domains: ['download.windowsupdate.com', 'archive.ubuntu.com'], medianSentBytes: 30_000 };
export const PUBLIC_DNS: Provider = { id: 'public-dns', countries: ['US'], ports: [53], processes: ['dns.exe'], domains: ['dns.google'], medianSentBytes: 400_000 };

/** Countries benign traffic may use; scenarios choose "never-seen" countries outside this list. */
export const ALL_PROVIDERS: readonly Provider[] = [
  ...WORKSTATION_PROVIDERS, NEW_SAAS, BACKUP_CLOUD, CODE_HOSTING, ARTIFACT_STORE, PAYMENT_API, OS_UPDATES, PUBLIC_DNS,
];

/** Countries only attackers use in the generated month. */
export const ATTACKER_COUNTRIES = ['RU', 'BR'] as const;
