/** Plain-text tables and number formats for the bench report (fixed-width, right-aligned numbers). */

export type Cell = string | number;

/** Left-aligns the first column and right-aligns the rest, two spaces apart. */
export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(text[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...text.slice(1).map(line)].map((l) => `  ${l}`).join('\n');
}

export const int = (n: number): string => Math.round(n).toLocaleString('en');
export const fixed = (n: number, digits = 1): string => n.toFixed(digits);
export const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
export const kib = (bytes: number): string => (bytes / 1024).toFixed(2);
export const percent = (x: number): string => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
export const ratio = (x: number): string => `${x.toFixed(2)}×`;
export const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
