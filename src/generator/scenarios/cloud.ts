// Cloud exfiltration in CloudTrail: an EBS snapshot shared with a foreign account, and a bucket opened to the world.
import { HOUR_MS, MINUTE_MS } from '../calendar.js';
import { cloudTrailDoc, type CloudTrailSpec } from '../ecs-docs.js';
import { ScenarioEvents, type ScenarioDefinition, type ScenarioPlanContext } from './scenario.js';

const CLI_AGENT = 'aws-cli/2.15.0 Python/3.11.6 Windows/10 exe/AMD64';
const FOREIGN_ACCOUNT = '999988887777';

function engineerAccount(ctx: ScenarioPlanContext, offset: number): string {
  const engineers = ctx.org.workstations.filter((w) => w.department === 'Engineering');
  const who = engineers[offset % Math.max(1, engineers.length)] ?? ctx.org.admins[0];
  return who.adminAccount ?? who.user;
}

export const snapshotSharedExternally: ScenarioDefinition = {
  id: 'cloud-snapshot-share', kind: 'cloud-exfiltration', core: false,
  plan(ctx, day) {
    const user = engineerAccount(ctx, 0);
    const attackerIp = ctx.org.ipPool.take('BR');
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 23 * HOUR_MS + 10 * MINUTE_MS;
    const snapshot = `snap-0${ctx.rng.token(16, '0123456789abcdef')}`;
    const calls: Array<Pick<CloudTrailSpec, 'action' | 'requestParameters'>> = [
      { action: 'CreateSnapshot', requestParameters: { volumeId: `vol-0${ctx.rng.token(16, '0123456789abcdef')}` } },
      { action: 'DescribeSnapshots' },
      { action: 'ModifySnapshotAttribute', requestParameters: { snapshotId: snapshot, attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: `{add={items=[{userId=${FOREIGN_ACCOUNT}}]}}` } },
    ];
    calls.forEach((call, i) => {
      const ms = start + i * 50_000;
      out.add('cloudtrail', ms, cloudTrailDoc(ms, ctx.org.cloudAccountId, { provider: 'ec2.amazonaws.com', user, sourceIp: attackerIp, userAgent: CLI_AGENT, ...call }));
    });
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${user}'s keys, used from ${attackerIp}, snapshot a volume and share the snapshot with foreign account ${FOREIGN_ACCOUNT}`,
      entity: { 'user.name': user },
      expect: ['AWS EC2 Snapshot Shared Externally', 'AWS Exfiltration via EC2 Snapshot', 'Deprecated - AWS EC2 Snapshot Activity'],
    });
  },
};

export const bucketMadePublic: ScenarioDefinition = {
  id: 'cloud-s3-public', kind: 'cloud-exfiltration', core: false,
  plan(ctx, day) {
    const user = engineerAccount(ctx, 1);
    const attackerIp = ctx.org.ipPool.take('BR');
    const out = new ScenarioEvents();
    const start = ctx.dayStart(day) + 2 * HOUR_MS + 30 * MINUTE_MS;
    const bucket = 'contoso-finance-archive';
    out.add('cloudtrail', start, cloudTrailDoc(start, ctx.org.cloudAccountId, {
      provider: 's3.amazonaws.com', action: 'PutBucketPolicy', user, sourceIp: attackerIp, userAgent: CLI_AGENT,
      requestParameters: { bucketName: bucket, bucketPolicy: '{Version=2012-10-17, Statement=[{Effect=Allow, Principal=*, Action=s3:GetObject, Resource=arn:aws:s3:::contoso-finance-archive/*}]}' },
    }));
    for (let i = 1; i <= 40; i++) {
      const ms = start + i * 20_000;
      out.add('cloudtrail', ms, cloudTrailDoc(ms, ctx.org.cloudAccountId, { provider: 's3.amazonaws.com', action: 'GetObject', user, sourceIp: attackerIp, userAgent: 'python-requests/2.31.0', requestParameters: { bucketName: bucket, key: `ledger/${2020 + (i % 6)}/q${1 + (i % 4)}.xlsx` } }));
    }
    return out.label({
      id: this.id, kind: this.kind, core: this.core,
      description: `${user}'s keys, used from ${attackerIp} at 02:30, add a bucket policy allowing everyone to read ${bucket}, then download 40 objects`,
      entity: { 'user.name': user },
      expect: ['AWS S3 Bucket Policy Added to Allow Public Access'],
    });
  },
};
