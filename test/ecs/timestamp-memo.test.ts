import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimestamp } from '../../src/ecs/index.js';

test('the same timestamp text read again, or with another format, gives that format\'s answer', () => {
  // parseTimestamp remembers its last string answer: the format must be part of what it remembers.
  assert.equal(parseTimestamp('1700000000', 'epoch'), 1_700_000_000_000);
  assert.equal(parseTimestamp('1700000000', 'epoch'), 1_700_000_000_000);
  assert.equal(parseTimestamp('1700000000', 'epoch_ms'), 1_700_000_000);
  assert.equal(parseTimestamp('1700000000'), 1_700_000_000);
  assert.equal(parseTimestamp('1700000000', 'epoch'), 1_700_000_000_000);
  assert.equal(parseTimestamp('not a time'), undefined);
  assert.equal(parseTimestamp('not a time'), undefined);
  assert.equal(parseTimestamp('2026-10-01T00:00:00Z'), Date.UTC(2026, 9, 1));
  assert.equal(parseTimestamp(['2026-10-01T00:00:01Z']), Date.UTC(2026, 9, 1, 0, 0, 1));
  assert.equal(parseTimestamp('2026-10-01T00:00:00Z'), Date.UTC(2026, 9, 1));
});
