/** A progress bar with rate and ETA on stderr (stdout keeps the table). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let last = Number.NEGATIVE_INFINITY;
  const clock = (s: number) => {
    if (!Number.isFinite(s)) return '--:--';
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = Math.floor(s % 60);
    return `${h > 0 ? `${h}h` : ''}${String(m).padStart(2, '0')}m${String(sec).padStart(2, '0')}s`;
  };
  return {
    update(done: number, total: number) {
      const now = performance.now();
      // A terminal redraws one line 4 times a second; a log gets a line every 10 seconds.
      if (now - last < (stream.isTTY ? 250 : 10_000) && done < total) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const rate = done / Math.max(elapsed, 1e-3);
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s ETA ${clock((total - done) / rate)}`;
      if (stream.isTTY) stream.write(`\r${line}`);
      else stream.write(`${line}\n`);
    },
    done(message: string) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label}: ${message}\n`);
    },
  };
}
