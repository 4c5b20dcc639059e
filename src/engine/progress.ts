/** A one-line progress display for terminals: events/s, event-time position and ETA by bytes read. */
export class ProgressLine {
  private last = 0;
  private readonly started = Date.now();
  private shown = false;

  constructor(
    private readonly totalBytes: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  get enabled(): boolean {
    return Boolean(this.out.isTTY);
  }

  update(events: number, eventTime: number, bytesDone: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? events / secs : 0;
    const frac = this.totalBytes > 0 ? Math.min(bytesDone / this.totalBytes, 1) : 0;
    const eta = frac > 0.01 ? (secs / frac) * (1 - frac) : NaN;
    const t = Number.isFinite(eventTime) ? new Date(eventTime).toISOString().slice(0, 16) + 'Z' : '—';
    const line =
      `  ${formatCount(events)} events  ${formatCount(rate)}/s  event time ${t}` +
      (this.totalBytes > 0 ? `  ${(frac * 100).toFixed(0)}%  ETA ${Number.isFinite(eta) ? formatDuration(eta) : '—'}` : '');
    this.out.write('\r' + line.padEnd(100));
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.out.write('\r' + ' '.repeat(100) + '\r');
  }
}

export function formatCount(n: number): string {
  if (n >= 1e6) return (n / 1e6).toFixed(2) + 'M';
  if (n >= 1e4) return (n / 1e3).toFixed(0) + 'k';
  return String(Math.round(n));
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}
