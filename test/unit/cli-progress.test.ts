import assert from 'node:assert/strict';
import { formatDuration, formatElapsed, formatEta, formatProgress, formatRate, formatSummary, groupDigits } from '../../src/cli/progress';

describe('cli progress bar and summary text', () => {
  it('groups digits of small, large and negative counts', () => {
    assert.deepStrictEqual([0, 7, 999, 1000, 123456, 1234567, 9007199254740991, -4200].map(groupDigits), ['0', '7', '999', '1,000', '123,456', '1,234,567', '9,007,199,254,740,991', '-4,200']);
  });

  it('durations round up to whole seconds, then minutes and hours, capped at 99 hours', () => {
    const ms = [0, 1, 999, 1000, 1001, 59_000, 59_001, 60_000, 65_000, 3_599_000, 3_600_000, 3_661_000, 99 * 3_600_000 + 59 * 60_000, 100 * 3_600_000, Number.MAX_SAFE_INTEGER];
    assert.deepStrictEqual(ms.map(formatDuration), ['0s', '1s', '1s', '1s', '2s', '59s', '1m00s', '1m00s', '1m05s', '59m59s', '1h00m', '1h01m', '99h59m', '>99h', '>99h']);
  });

  it('elapsed time has one decimal under a minute', () => {
    assert.deepStrictEqual([0, 49, 2_060, 59_949, 60_000, 125_000].map(formatElapsed), ['0.0 s', '0.0 s', '2.1 s', '59.9 s', '1m00s', '2m05s']);
  });

  it('rates: unknown before any time passed, one decimal under 10 files/s', () => {
    assert.deepStrictEqual(
      [formatRate(0, 0), formatRate(5, 0), formatRate(0, 1000), formatRate(5, 2000), formatRate(2000, 1000), formatRate(12_345_678, 1000)],
      ['- files/s', '- files/s', '0.0 files/s', '2.5 files/s', '2,000 files/s', '12,345,678 files/s'],
    );
  });

  it('time left: unknown with none done, 0s when all are done (or more), else at the rate so far', () => {
    assert.deepStrictEqual(
      [formatEta(0, 10, 5000), formatEta(0, 0, 0), formatEta(10, 10, 5000), formatEta(11, 10, 5000), formatEta(1, 10, 1000), formatEta(1, 1_000_000_000, 1000), formatEta(999_999, 1_000_000, 3_600_000)],
      ['--', '0s', '0s', '0s', '9s', '>99h', '1s'],
    );
  });

  it('the progress line at the start, midway, at the end, with huge counts and with no total', () => {
    assert.deepStrictEqual(
      [
        formatProgress({ done: 0, total: 2000, failed: 0, elapsedMs: 0 }),
        formatProgress({ done: 500, total: 2000, failed: 2, elapsedMs: 2000 }),
        formatProgress({ done: 2000, total: 2000, failed: 0, elapsedMs: 2500 }),
        formatProgress({ done: 1, total: 3, failed: 1, elapsedMs: 10 }),
        formatProgress({ done: 123_456_789, total: 987_654_321, failed: 1_000_000, elapsedMs: 60_000 }),
        formatProgress({ done: 0, total: 0, failed: 0, elapsedMs: 5 }),
        formatProgress({ done: 1234, total: undefined, failed: 3, elapsedMs: 2000 }),
      ],
      [
        '[--------------------] 0/2,000 0% · - files/s · ETA -- · 0 failed',
        '[#####---------------] 500/2,000 25% · 250 files/s · ETA 6s · 2 failed',
        '[####################] 2,000/2,000 100% · 800 files/s · ETA 0s · 0 failed',
        '[######--------------] 1/3 33% · 100 files/s · ETA 1s · 1 failed',
        '[##------------------] 123,456,789/987,654,321 12% · 2,057,613 files/s · ETA 7m01s · 1,000,000 failed',
        '[####################] 0/0 100% · 0.0 files/s · ETA 0s · 0 failed',
        '1,234 done · 617 files/s · 3 failed',
      ],
    );
  });

  it('the summary line counts every outcome, with total time and rate', () => {
    assert.deepStrictEqual(
      [
        formatSummary({ analysed: 1990, unchanged: 8, failed: 2, elapsedMs: 2100 }),
        formatSummary({ analysed: 1, unchanged: 0, failed: 0, elapsedMs: 40 }),
        formatSummary({ analysed: 0, unchanged: 0, failed: 0, elapsedMs: 0 }),
        formatSummary({ analysed: 1_000_000, unchanged: 0, failed: 0, elapsedMs: 4_000_000 }),
      ],
      [
        '2,000 files in 2.1 s (952 files/s): 1,990 analysed, 8 unchanged, 2 failed',
        '1 file in 0.0 s (25 files/s): 1 analysed, 0 unchanged, 0 failed',
        '0 files in 0.0 s (- files/s): 0 analysed, 0 unchanged, 0 failed',
        '1,000,000 files in 1h06m (250 files/s): 1,000,000 analysed, 0 unchanged, 0 failed',
      ],
    );
  });
});
