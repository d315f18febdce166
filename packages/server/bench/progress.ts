/** A progress bar with rate and ETA on stderr (stdout keeps the table). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let last = 0;
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
      if (now - last < 250 && done < total) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const rate = done / Math.max(elapsed, 1e-3);
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s ETA ${clock((total - done) / rate)}`;
      if (stream.isTTY) stream.write(`\r${line}`);
      else if (done === total || Math.floor(elapsed) % 10 === 0) stream.write(`${line}\n`);
    },
    done(message: string) {
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label}: ${message}\n`);
    },
  };
}
