// Progress of a long ingest on stderr: a bar with the rate when stderr is a terminal,
// otherwise nothing until the summary (logs stay readable in CI).
import cliProgress from 'cli-progress';

export interface Progress {
  tick(): void;
  log(line: string): void;
  stop(): void;
}

export function createProgress(total: number): Progress {
  if (!process.stderr.isTTY || total < 2) {
    return { tick: () => {}, log: (line) => process.stderr.write(`${line}\n`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'ingest [{bar}] {value}/{total} articles | {rate} articles/s | eta {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  bar.start(total, 0, { rate: '0' });
  return {
    tick: () => {
      done++;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0' });
    },
    log: (line) => {
      // Clear the bar line, print, and let the next update redraw it.
      process.stderr.write(`\r\x1b[K${line}\n`);
    },
    stop: () => bar.stop(),
  };
}
