import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

/** The part of autocannon's programmatic API used here (the package ships no types). */
type AutocannonClient = EventEmitter;
type AutocannonResult = { duration: number; errors: number; timeouts: number; non2xx: number; requests: { total: number } };
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  setupClient?: (client: AutocannonClient) => void;
};
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => EventEmitter;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export type LoadResult = {
  requestsPerSecond: number;
  /** Latency percentiles over every response, in milliseconds (autocannon's own histogram keeps whole ms only). */
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
  /** How many responses carried each value of the cache header (X-Cache unless told; 'none' when absent). */
  cache: Record<string, number>;
};

export const percentile = (sorted: ArrayLike<number>, p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

/** Keeps `connections` keep-alive connections busy with GET `url` for `seconds`, as fast as the server answers. */
export function load(url: string, options: { connections: number; seconds: number; headers?: Record<string, string>; cacheHeader?: string }): Promise<LoadResult> {
  const cacheHeader = options.cacheHeader ?? 'x-cache';
  const latencies: number[] = [];
  const cache: Record<string, number> = {};
  const countCache = (client: AutocannonClient) => {
    // Raw headers as the parser hands them over: [name, value, name, value, ...].
    client.on('headers', ({ headers }: { headers: string[] }) => {
      let state = 'none';
      for (let i = 0; i < headers.length; i += 2) if (headers[i]!.toLowerCase() === cacheHeader) state = headers[i + 1]!;
      cache[state] = (cache[state] ?? 0) + 1;
    });
  };
  return new Promise((resolve, reject) => {
    const run = autocannon({ url, connections: options.connections, duration: options.seconds, headers: options.headers, setupClient: countCache }, (error, result) => {
      if (error) return reject(error);
      const sorted = Float64Array.from(latencies).sort();
      resolve({
        requestsPerSecond: result.requests.total / result.duration,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        failures: result.errors + result.timeouts + result.non2xx,
        cache,
      });
    });
    run.on('response', (_client: unknown, _status: number, _bytes: number, milliseconds: number) => latencies.push(milliseconds));
  });
}
