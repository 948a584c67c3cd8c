/**
 * Text of the batch progress bar and summary line of `quotelens analyze`: pure formatting from
 * numbers (no clock, no terminal), so that every edge case can be tested on exact strings.
 */

export interface ProgressCounts {
  /** Files finished (written, unchanged or failed). */
  done: number;
  /** Files in the run; undefined when unknown (a stream on stdin). */
  total: number | undefined;
  failed: number;
  elapsedMs: number;
}

export interface SummaryCounts {
  /** Sidecars written (or printed, with --jsonl). */
  analysed: number;
  unchanged: number;
  failed: number;
  elapsedMs: number;
}

const BAR_WIDTH = 20;

/** 1234567 → "1,234,567" (written out rather than toLocaleString, whose output depends on the ICU build). */
export function groupDigits(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** A time left, rounded up to whole seconds: "0s", "42s", "3m05s", "12h05m"; over 99 hours ">99h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${twoDigits(seconds % 60)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours > 99) return '>99h';
  return `${hours}h${twoDigits(minutes % 60)}m`;
}

/** A total time taken: "0.4 s", "12.0 s", then like formatDuration ("3m05s"). */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? `${(Math.max(0, ms) / 1000).toFixed(1)} s` : formatDuration(ms);
}

/** "812 files/s"; one decimal under 10 files/s; "- files/s" before any time has passed. */
export function formatRate(done: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return '- files/s';
  const rate = (done * 1000) / elapsedMs;
  return `${rate < 10 ? rate.toFixed(1) : groupDigits(Math.round(rate))} files/s`;
}

/** Time left at the rate so far: unknown ("--") before the first file is done, "0s" when all are. */
export function formatEta(done: number, total: number, elapsedMs: number): string {
  const left = total - done;
  if (left <= 0) return '0s';
  if (done <= 0) return '--';
  return formatDuration((left * elapsedMs) / done);
}

function bar(done: number, total: number): string {
  const filled = total <= 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

function percent(done: number, total: number): string {
  return `${total <= 0 ? 100 : Math.min(100, Math.floor((done * 100) / total))}%`;
}

/**
 * The one-line progress bar: "[#####---------------] 500/2,000 25% · 250 files/s · ETA 6s · 0 failed".
 * With an unknown total (stdin) there is no bar, percentage or time left.
 */
export function formatProgress(c: ProgressCounts): string {
  const rate = formatRate(c.done, c.elapsedMs);
  const failed = `${groupDigits(c.failed)} failed`;
  if (c.total === undefined) return `${groupDigits(c.done)} done · ${rate} · ${failed}`;
  const count = `${groupDigits(c.done)}/${groupDigits(c.total)}`;
  return `${bar(c.done, c.total)} ${count} ${percent(c.done, c.total)} · ${rate} · ETA ${formatEta(c.done, c.total, c.elapsedMs)} · ${failed}`;
}

/** The line printed at the end of every batch run. */
export function formatSummary(s: SummaryCounts): string {
  const files = s.analysed + s.unchanged + s.failed;
  return (
    `${groupDigits(files)} file${files === 1 ? '' : 's'} in ${formatElapsed(s.elapsedMs)} (${formatRate(files, s.elapsedMs)}): ` +
    `${groupDigits(s.analysed)} analysed, ${groupDigits(s.unchanged)} unchanged, ${groupDigits(s.failed)} failed`
  );
}
