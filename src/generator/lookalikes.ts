// Labels for the benign behaviours that resemble attacks, so the evaluation can say what caused a false alert.
import type { Organisation } from './organisation.js';
import type { BenignLookalike } from './options.js';

export function benignLookalikes(org: Organisation): BenignLookalike[] {
  const out: BenignLookalike[] = [
    { id: 'nightly-backup-upload', description: `${org.backupServer.name} uploads tens of GB to an off-site provider in Switzerland every night at 02:00 (rclone on Sundays)`, entity: { 'host.name': org.backupServer.name } },
    { id: 'build-artifact-uploads', description: `${org.buildServer.name} publishes build artifacts to object storage during office hours`, entity: { 'host.name': org.buildServer.name } },
    { id: 'new-saas-adoption', description: 'From mid-month, more and more hosts start using a new SaaS service hosted in Canada, each with an initial sync upload', entity: { 'destination.geo.country_iso_code': 'CA' } },
    // The IP jobs' alerts carry the address, not the country.
    ...org.newSaas.map((d) => ({ id: `new-saas-adoption-${d.ip}`, description: `Initial sync uploads to the new SaaS service's address ${d.ip} (${d.domain})`, entity: { 'destination.ip': d.ip } })),
    { id: 'dns-forwarding', description: `${org.domainController.name} forwards DNS to public resolvers on port 53 around the clock`, entity: { 'host.name': org.domainController.name } },
    { id: 'snapshot-rotation', description: 'svc-backup creates, describes and deletes EBS snapshots every night at 01:00', entity: { 'user.name': 'svc-backup' } },
  ];
  for (const fs of org.fileServers) {
    out.push({ id: `patch-deployment-${fs.name}`, description: `svc_sccm copies hundreds of update packages (.msu/.cab) to ${fs.name} on patch Tuesday and antivirus definitions other Tuesdays`, entity: { 'host.name': fs.name, 'user.name': 'svc_sccm' } });
  }
  for (const host of org.workstations) {
    if (host.usbDevice) out.push({ id: `habitual-usb-${host.name}`, description: `${host.user} copies files to a USB stick with explorer.exe most weekdays`, entity: { 'host.name': host.name } });
    if (host.weeklyReporter) out.push({ id: `weekly-report-${host.name}`, description: `${host.name} uploads the weekly report (~150 MB) to the CRM on Friday afternoons`, entity: { 'host.name': host.name } });
  }
  for (const admin of org.admins) {
    out.push({ id: `admin-rdp-${admin.name}`, description: `${admin.adminAccount ?? admin.user} RDPs into servers on weekdays (and does helpdesk sessions)`, entity: { 'source.ip': admin.ip } });
  }
  return out;
}
