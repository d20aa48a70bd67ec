/**
 * Where the multi-instance journeys find the parts e2e/cluster/serve.ts starts: nginx in front (the journeys'
 * baseURL), instances A and B behind it, Redis, and the control port through which a journey stops and starts them.
 */
const base = Number(process.env.CLUSTER_PORT ?? 3300);

export const topology = {
  nginx: `http://127.0.0.1:${base}`,
  a: `http://127.0.0.1:${base + 1}`,
  b: `http://127.0.0.1:${base + 2}`,
  control: `http://127.0.0.1:${base + 9}`,
  ports: { nginx: base, a: base + 1, b: base + 2, control: base + 9, redis: base + 3 },
};

/** Readers with approved comments behind them, made for the load journey (one password for all). */
export const loadReaders = {
  count: 100,
  email: (n: number) => `cluster.reader.${n}@example.org`,
  password: 'cluster reader password',
};

export type ControlAction = 'a/stop' | 'a/kill' | 'a/start' | 'b/stop' | 'b/start' | 'redis/stop' | 'redis/start';

/** The database the cluster serves, for journeys that count rows (GET on the control port). */
export async function databaseUrl(): Promise<string> {
  return (await fetch(`${topology.control}/database`)).text();
}

/** Asks e2e/cluster/serve.ts to stop or start a part; resolves when it is done. */
export async function control(action: ControlAction): Promise<void> {
  const response = await fetch(`${topology.control}/${action}`, { method: 'POST' });
  if (!response.ok) throw new Error(`control ${action}: ${response.status} ${await response.text()}`);
}
