/**
 * Registered domain (the part a person registers: `example.co.uk` of `a.b.example.co.uk`) without the full
 * Public Suffix List: the last two labels, or three when the last two form a common second-level suffix.
 * Limitation: private suffixes (e.g. `s3.amazonaws.com` buckets, `github.io` sites) and rarer country
 * suffixes are not known, so `bucket.s3.amazonaws.com` gives `amazonaws.com`.
 */
import { parseIp } from './ip-address.js';

const SECOND_LEVEL_SUFFIXES = new Set(
  (
    'co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk sch.uk nhs.uk ' +
    'com.au net.au org.au edu.au gov.au asn.au id.au ' +
    'co.nz net.nz org.nz govt.nz ac.nz ' +
    'co.jp ne.jp or.jp ac.jp go.jp ad.jp ' +
    'co.kr or.kr ne.kr go.kr ac.kr ' +
    'com.br net.br org.br gov.br edu.br ' +
    'com.cn net.cn org.cn gov.cn edu.cn ' +
    'com.hk net.hk org.hk com.tw net.tw org.tw com.sg net.sg org.sg com.my net.my org.my ' +
    'co.in net.in org.in gov.in ac.in co.id or.id ac.id go.id com.ph net.ph com.vn com.pk com.bd com.np com.lk ' +
    'co.za org.za gov.za ac.za com.ng co.ke com.eg ' +
    'com.mx org.mx gob.mx com.ar com.co com.pe com.ve com.uy com.ec ' +
    'com.tr net.tr org.tr gov.tr co.il org.il ac.il com.sa com.ua co.ua com.ru com.pl net.pl org.pl ' +
    'co.th in.th ac.th go.th'
  ).split(' '),
);

export function registeredDomain(name: string): string | undefined {
  let host = name.trim().toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host.includes(' ') || parseIp(host)) return undefined;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return undefined;
  const lastTwo = labels.slice(-2).join('.');
  if (SECOND_LEVEL_SUFFIXES.has(lastTwo)) return labels.length >= 3 ? labels.slice(-3).join('.') : undefined;
  return lastTwo;
}
