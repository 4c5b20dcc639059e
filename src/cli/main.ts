#!/usr/bin/env node
/** The `outflow` command: replay, demo, rules and alerts. Logic lives in src/engine and the stages; this file only parses options and prints. */
import { Command, Option } from 'commander';
import { OutflowError } from '../errors.js';
import { registerReplay } from './replay-command.js';
import { registerDemo } from './demo-command.js';
import { registerRules } from './rules-command.js';
import { registerAlerts } from './alerts-command.js';

const program = new Command();
program
  .name('outflow')
  .description('Find data exfiltration and lateral movement in ECS logs: Elastic-compatible anomaly jobs and detection rules on one machine.')
  .version('0.1.0')
  .showHelpAfterError();

registerReplay(program);
registerDemo(program);
registerRules(program);
registerAlerts(program);
void Option;

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof OutflowError) {
    process.stderr.write(`outflow: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
