import http from 'node:http';

/**
 * Plain HTTP traffic for the multi-instance journeys: readers reading in a loop, and one-off posts on fresh
 * connections, each answer or failure recorded (never retried: a lost request must show).
 */

/** `body` is the bytes as text; `bytes` as they came (compressed, if they were). */
export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; bytes: Buffer };

export function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; agent?: http.Agent | false } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export type Reading = { answered: number; failures: string[]; latencies: number[] };

/**
 * `readers` readers, each on a keep-alive connection of its own, GET `pathFor(n)` from `origin` one after another
 * until `until` resolves. A failure is a connection error or any status but 200.
 */
export async function read(origin: string, readers: number, pathFor: (n: number) => string, until: Promise<unknown>): Promise<Reading> {
  const reading: Reading = { answered: 0, failures: [], latencies: [] };
  let stop = false;
  void until.finally(() => {
    stop = true;
  });
  let sent = 0;
  await Promise.all(
    Array.from({ length: readers }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (!stop) {
        const path = pathFor(sent++);
        const started = performance.now();
        try {
          const answer = await send(`${origin}${path}`, { agent });
          if (answer.status === 200) reading.answered++;
          else reading.failures.push(`${path}: HTTP ${answer.status}`);
        } catch (error) {
          reading.failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
        }
        reading.latencies.push(performance.now() - started);
      }
      agent.destroy();
    }),
  );
  return reading;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * The hidden fields of the first form on `html` that has an input named `marker` (with a server action, React
 * renders its id and bound arguments as hidden inputs, which is how the form posts without JavaScript).
 */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((match) => match[0]).find((candidate) => candidate.includes(`name="${marker}"`));
  if (!form) throw new Error(`no form with a field named ${marker}`);
  const decode = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return [...form.matchAll(/<input\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((input) => /type="hidden"/.test(input))
    .map((input) => [decode(/name="([^"]*)"/.exec(input)?.[1] ?? ''), decode(/value="([^"]*)"/.exec(input)?.[1] ?? '')] as [string, string])
    .filter(([name]) => name !== '');
}

/** multipart/form-data of `fields`, as a browser posts a form with enctype multipart. */
export function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----newsroom${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}
