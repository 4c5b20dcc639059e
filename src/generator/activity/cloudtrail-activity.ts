// Benign CloudTrail activity: developers and CI in S3/EC2, admins in IAM, the backup role's nightly snapshot rotation.
import { HOUR_MS, MINUTE_MS, officeActivity } from '../calendar.js';
import type { DayContext } from '../day-context.js';
import { cloudTrailDoc, type CloudTrailSpec } from '../ecs-docs.js';
import type { EventSink } from '../event-sink.js';

const CONSOLE_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Safari/537.36';
const CLI_AGENT = 'aws-cli/2.17.4 Python/3.11.8 Linux/6.8.0 exe/x86_64.ubuntu.24';
const EVERYDAY_CALLS: ReadonlyArray<Pick<CloudTrailSpec, 'provider' | 'action'>> = [
  { provider: 's3.amazonaws.com', action: 'ListBuckets' },
  { provider: 's3.amazonaws.com', action: 'GetObject' },
  { provider: 's3.amazonaws.com', action: 'PutObject' },
  { provider: 'ec2.amazonaws.com', action: 'DescribeInstances' },
  { provider: 'sts.amazonaws.com', action: 'AssumeRole' },
  { provider: 'cloudwatch.amazonaws.com', action: 'GetMetricData' },
];

/** All benign CloudTrail records for one day. */
export function cloudTrailActivity(ctx: DayContext, out: EventSink): void {
  const org = ctx.org;
  const rng = ctx.rng('cloudtrail');
  const engineers = org.workstations.filter((w) => w.department === 'Engineering' || w.adminAccount);
  const emit = (ms: number, spec: CloudTrailSpec) => out.emit('cloudtrail', ms, cloudTrailDoc(ms, org.cloudAccountId, spec));
  for (let hour = 0; hour < 24; hour++) {
    const calls = rng.poisson(officeActivity(hour, ctx.weekend) * engineers.length * 1.5);
    for (let i = 0; i < calls; i++) {
      const who = rng.pick(engineers);
      const call = rng.pick(EVERYDAY_CALLS);
      emit(ctx.dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1), {
        ...call, user: who.adminAccount ?? who.user, sourceIp: org.publicEgressIp, userAgent: rng.chance(0.6) ? CONSOLE_AGENT : CLI_AGENT,
        requestParameters: call.provider === 's3.amazonaws.com' ? { bucketName: 'contoso-shared-docs' } : undefined,
      });
    }
  }
  // CI publishes artifacts all day.
  for (let hour = 8; hour < 19 && !ctx.weekend; hour++) {
    const ms = ctx.dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
    emit(ms, { provider: 's3.amazonaws.com', action: 'PutObject', user: 'svc-ci', sourceIp: org.publicEgressIp, userAgent: CLI_AGENT, requestParameters: { bucketName: 'contoso-artifacts' } });
  }
  // 01:00 snapshot rotation: create, describe and delete within minutes (a look-alike for snapshot exfiltration).
  const rotation = ctx.dayStartMs + HOUR_MS + rng.int(0, 5) * MINUTE_MS;
  const volume = `vol-0${rng.token(16, '0123456789abcdef')}`;
  emit(rotation, { provider: 'ec2.amazonaws.com', action: 'CreateSnapshot', user: 'svc-backup', sourceIp: org.publicEgressIp, userAgent: CLI_AGENT, requestParameters: { volumeId: volume } });
  emit(rotation + 40_000, { provider: 'ec2.amazonaws.com', action: 'DescribeSnapshots', user: 'svc-backup', sourceIp: org.publicEgressIp, userAgent: CLI_AGENT });
  emit(rotation + 95_000, { provider: 'ec2.amazonaws.com', action: 'DeleteSnapshot', user: 'svc-backup', sourceIp: org.publicEgressIp, userAgent: CLI_AGENT, requestParameters: { snapshotId: `snap-0${rng.token(16, '0123456789abcdef')}` } });
}
