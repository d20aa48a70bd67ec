import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';

import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import postgres from 'postgres';

import { UNTRUSTED_MAX_AGE_MS } from '../../server/cache-handler.mjs';
import { signInWithCredentials } from '../../scripts/lib/http';
import { fixture } from '../fixtures/newsroom';
import { deleteStory, publishStory, storyField, type PublishedStory } from '../support/desk';
import { measureChange } from '../support/page-cache';
import { signIn } from '../support/sign-in';
import { control, databaseUrl, loadReaders, topology } from './topology';
import { hiddenFields, median, multipart, read, send, type Answer } from './traffic';

/**
 * The cluster when parts of it fail or are overrun: an instance killed or stopped under load, Redis restarted, and a
 * thousand comments posted at once while two hundred readers read.
 */

test.describe.configure({ mode: 'serial' });

const leadPath = `/${fixture.politics.slug}/${fixture.lead.slug}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const [how, action] of [
  ['killed (SIGKILL)', 'a/kill'],
  ['stopped (SIGTERM)', 'a/stop'],
] as const) {
  test(`instance A ${how} under load: every read through nginx is answered`, async () => {
    // Each read has a query of its own, so nginx's micro-cache cannot answer it: every one reaches an instance.
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    const reading = read(topology.nginx, 16, (n) => `${leadPath}?reader=${n}`, until);
    await sleep(2_000);
    await control(action);
    await sleep(3_000);
    release();
    const { answered, failures } = await reading;
    test.info().annotations.push({ type: 'load', description: `${answered} reads answered, ${failures.length} failed` });
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
    expect(answered).toBeGreaterThan(100);
    await control('a/start');
  });
}

/**
 * Saves and publishes a new headline; returns when it was published. While Redis is down every instance renders
 * each read afresh (nothing older than UNTRUSTED_MAX_AGE_MS is served) under the readers' load, so the desk may be
 * slower than usual: `within` bounds each step. What the test measures starts only once the change is published.
 */
async function publishHeadline(editor: Page, story: PublishedStory, headline: string, within = 5_000): Promise<number> {
  await editor.goto(story.editorPath);
  await storyField(editor, 'Headline').fill(headline);
  await editor.getByRole('form', { name: 'Story' }).getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText(/Saved at/)).toBeVisible({ timeout: within });
  await editor.getByRole('form', { name: /Publication/ }).getByRole('button', { name: 'Publish changes' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Published' })).toBeVisible({ timeout: within });
  return Date.now();
}

/** Redis connections the instances hold (each has one for commands and one for invalidations). */
function redisClients(): number {
  const list = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(topology.ports.redis), 'client', 'list'], { encoding: 'utf8' }).stdout;
  return list.split('\n').filter((line) => line.startsWith('id=') && !line.includes('cmd=client')).length;
}

test('Redis restarted: the site keeps answering, an edit reaches B within the documented bound meanwhile, and within 1 s again after', async ({ browser }) => {
  const atB = await playwrightRequest.newContext({ baseURL: topology.b });
  const editor = await (await browser.newContext({ baseURL: topology.a })).newPage();
  await signIn(editor, fixture.staff.editor, '/dashboard');
  const marker = randomBytes(3).toString('hex');
  const story = await publishStory(editor, `Lighthouse keepers return ${marker}`);

  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  const reading = Promise.all([topology.nginx, topology.a, topology.b].map((origin) => read(origin, 4, () => story.path, until)));
  await control('redis/stop');

  // Without Redis an instance cannot hear the others' invalidations, so it keeps nothing older than UNTRUSTED_MAX_AGE_MS.
  const whileDown = `${story.headline}, while Redis was down`;
  let downChange: Awaited<ReturnType<typeof measureChange>>;
  try {
    const downDone = await publishHeadline(editor, story, whileDown, 15_000);
    downChange = await measureChange(atB, story.path, (status, body) => status === 200 && body.includes(whileDown), { startedAt: downDone, giveUpMs: UNTRUSTED_MAX_AGE_MS + 5_000 });
  } finally {
    // However this part ends, Redis comes back: the journeys after this one measure the cluster with it.
    await control('redis/start');
    for (let waited = 0; redisClients() < 4 && waited < 15_000; waited += 250) await sleep(250);
    release();
  }
  expect(downChange, 'B never showed the edit made while Redis was down').not.toBeNull();
  expect(downChange!.elapsedMs).toBeLessThan(UNTRUSTED_MAX_AGE_MS + 1_500);
  expect(redisClients(), 'both instances are connected to Redis again').toBeGreaterThanOrEqual(4);
  const readings = await reading;
  for (const [index, { answered, failures }] of readings.entries()) {
    expect(failures, `${['nginx', 'A', 'B'][index]}: ${failures.slice(0, 3).join('; ')}`).toEqual([]);
    expect(answered).toBeGreaterThan(10);
  }

  // Invalidations travel over Redis again: back to the one-second bound.
  await measureChange(atB, story.path, (status, body) => status === 200 && body.includes(whileDown));
  const afterUp = `${story.headline}, after Redis came back`;
  const upDone = await publishHeadline(editor, story, afterUp);
  const upChange = await measureChange(atB, story.path, (status, body) => status === 200 && body.includes(afterUp), { startedAt: upDone });
  test.info().annotations.push({ type: 'propagation', description: `Redis down: ${downChange!.elapsedMs} ms; Redis back: ${upChange?.elapsedMs ?? '-'} ms` });
  expect(upChange, 'B never showed the edit made after Redis came back').not.toBeNull();
  expect(upChange!.elapsedMs).toBeLessThan(1_000);

  await deleteStory(editor, story);
  await editor.context().close();
  await atB.dispose();
});

/** The form's answer a reply's `form-result` cookie carries (signed base64url JSON, lib/form-flash.ts), as text. */
function formAnswer(reply: Answer): string {
  const cookie = [reply.headers['set-cookie'] ?? []].flat().find((line) => line.startsWith('form-result='));
  const payload = cookie?.slice('form-result='.length).split(';')[0]!.split('.')[0];
  return payload ? Buffer.from(payload, 'base64url').toString('utf8') : '';
}

test('1,000 comments posted at once while 200 readers read: no connection lost, exactly the accepted comments stored', async ({ browser }) => {
  test.setTimeout(240_000);
  const editor = await (await browser.newContext({ baseURL: topology.a })).newPage();
  await signIn(editor, fixture.staff.editor, '/dashboard');
  const story = await publishStory(editor, `Harbour festival programme ${randomBytes(3).toString('hex')}`);

  // 100 readers signed in through nginx, four at a time.
  const cookies: string[] = [];
  for (let n = 0; n < loadReaders.count; n += 4) {
    cookies.push(...(await Promise.all([0, 1, 2, 3].filter((k) => n + k < loadReaders.count).map((k) => signInWithCredentials(topology.nginx, loadReaders.email(n + k), loadReaders.password)))));
  }
  // The comment form as the server renders it for a signed-in reader (the action's hidden fields are the same for all).
  const page = await send(`${topology.nginx}${story.path}`, { headers: { Cookie: cookies[0]! } });
  expect(page.status).toBe(200);
  const fields = hiddenFields(page.body, 'articleId');
  const articleId = Number(fields.find(([name]) => name === 'articleId')?.[1]);
  expect(articleId).toBeGreaterThan(0);

  let release!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  const reading = read(topology.nginx, 200, () => story.path, until);
  await sleep(1_000);

  const posts = Array.from({ length: 1_000 }, (_, n) => ({ cookie: cookies[n % cookies.length]!, body: `Comment number ${n} on the festival programme, posted under load.` }));
  const started = performance.now();
  const answers = await Promise.all(
    posts.map(async ({ cookie, body }) => {
      const form = multipart([...fields, ['body', body]]);
      try {
        return await send(`${topology.nginx}${story.path}`, {
          method: 'POST',
          agent: false,
          body: form.body,
          headers: { Cookie: cookie, 'Content-Type': form.contentType, Origin: topology.nginx, Referer: `${topology.nginx}${story.path}` },
        });
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
  const postSeconds = (performance.now() - started) / 1000;
  release();
  const { answered, failures: readFailures, latencies } = await reading;

  const lost = answers.filter((answer) => answer instanceof Error).map((error) => (error as Error).message);
  const replies = answers.filter((answer): answer is Answer => !(answer instanceof Error));
  const accepted = replies.filter((reply) => reply.status === 303 && /[?&]comment=\d+/.test(reply.headers.location ?? ''));
  // Without JavaScript a refusal comes back to the story's form with its message in the form-answer cookie (ADR 0030).
  const refused = replies.filter((reply) => reply.status === 303 && reply.headers.location === `${story.path}#comment-new` && formAnswer(reply).includes('You are commenting very quickly'));
  const other = replies.filter((reply) => !accepted.includes(reply) && !refused.includes(reply));
  const sql = postgres(await databaseUrl(), { max: 1 });
  const [{ stored }] = await sql<[{ stored: number }]>`select count(*)::int as stored from comments where article_id = ${articleId}`;
  await sql.end();
  test.info().annotations.push({
    type: 'load',
    description: `1,000 posts in ${postSeconds.toFixed(1)} s: ${accepted.length} accepted, ${refused.length} refused (rate limit), ${other.length} other, ${lost.length} lost; ${stored} stored; readers: ${answered} reads, median ${median(latencies).toFixed(0)} ms, ${readFailures.length} failed`,
  });
  expect(lost, lost.slice(0, 5).join('\n')).toEqual([]);
  expect(other.map((reply) => `HTTP ${reply.status} ${reply.headers.location ?? ''}`)).toEqual([]);
  expect(readFailures, readFailures.slice(0, 5).join('\n')).toEqual([]);
  expect(accepted.length).toBeGreaterThan(0);
  expect(stored).toBe(accepted.length);

  await deleteStory(editor, story);
  await editor.context().close();
});
