/** Prometheus text-format metrics kept in process memory: requests by route and status, latency histogram. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

type Histogram = { counts: number[]; sum: number; count: number };

export class Metrics {
  private requests = new Map<string, number>();
  private latency = new Map<string, Histogram>();
  private readonly startedAt = Date.now();

  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `route="${escapeLabel(route)}",method="${method}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `route="${escapeLabel(route)}"`;
    let h = this.latency.get(hkey);
    if (!h) {
      h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.latency.set(hkey, h);
    }
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]!) h.counts[i]! += 1;
    h.sum += seconds;
    h.count += 1;
  }

  render(): string {
    const lines: string[] = [];
    lines.push('# HELP http_requests_total HTTP requests by route pattern, method and status.');
    lines.push('# TYPE http_requests_total counter');
    for (const [labels, n] of this.requests) lines.push(`http_requests_total{${labels}} ${n}`);
    lines.push('# HELP http_request_duration_seconds Time to produce a response, by route pattern.');
    lines.push('# TYPE http_request_duration_seconds histogram');
    for (const [labels, h] of this.latency) {
      BUCKETS.forEach((b, i) => {
        lines.push(`http_request_duration_seconds_bucket{${labels},le="${b}"} ${h.counts[i]}`);
      });
      lines.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`http_request_duration_seconds_sum{${labels}} ${h.sum.toFixed(6)}`);
      lines.push(`http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    const mem = process.memoryUsage();
    lines.push('# HELP process_resident_memory_bytes Resident memory size in bytes.');
    lines.push('# TYPE process_resident_memory_bytes gauge');
    lines.push(`process_resident_memory_bytes ${mem.rss}`);
    lines.push('# HELP process_uptime_seconds Seconds since the process started.');
    lines.push('# TYPE process_uptime_seconds gauge');
    lines.push(`process_uptime_seconds ${((Date.now() - this.startedAt) / 1000).toFixed(1)}`);
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
