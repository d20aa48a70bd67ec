import { EventEmitter } from 'node:events';
import type http from 'node:http';

import { describe, expect, it, vi } from 'vitest';

import { BUSY_TEXT, SignInGate, signInRequestKind } from './sign-in-gate';

/** The parts of a response the gate uses; `finish()` is the response closing. */
class FakeResponse extends EventEmitter {
  status = 0;
  body = '';
  headersSent = false;
  destroyed = false;
  writeHead(status: number) {
    this.status = status;
    this.headersSent = true;
    return this;
  }
  end(body = '') {
    this.body = body;
    this.finish();
  }
  finish() {
    this.emit('close');
  }
}
const response = () => new FakeResponse() as FakeResponse & http.ServerResponse;
const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as http.IncomingMessage;

describe('the sign-in gate', () => {
  it("tells Auth.js's endpoints and the sign-in forms' actions from everything else", () => {
    expect(signInRequestKind(request('GET', '/api/auth/csrf'))).toBe('api');
    expect(signInRequestKind(request('POST', '/api/auth/callback/credentials?x=1'))).toBe('api');
    expect(signInRequestKind(request('POST', '/login?callbackUrl=%2F', { 'next-action': 'abc' }))).toBe('form');
    expect(signInRequestKind(request('POST', '/register', { 'next-action': 'abc' }))).toBe('form');
    // Without JavaScript the browser posts the form itself: the same password check, the same gate.
    expect(signInRequestKind(request('POST', '/login', { 'content-type': 'application/x-www-form-urlencoded' }))).toBe('form');
    expect(signInRequestKind(request('POST', '/register', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe('form');
    expect(signInRequestKind(request('GET', '/login'))).toBeNull();
    expect(signInRequestKind(request('POST', '/politics/a-story', { 'next-action': 'abc' }))).toBeNull();
    expect(signInRequestKind(request('GET', '/'))).toBeNull();
  });

  it('lets in `concurrency` at a time; the next one starts when a response closes', () => {
    const gate = new SignInGate({ concurrency: 2, maxWaiting: 10, maxWaitMs: 60_000 });
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map((n) => {
      const res = response();
      gate.run('api', res, () => started.push(n));
      return res;
    });
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    responses[1]!.finish();
    expect(started).toEqual([0, 1, 2]);
    responses[0]!.finish();
    responses[2]!.finish();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
  });

  it("answers an endpoint 503 with Retry-After beyond the queue or the wait; a form's action goes in anyway", () => {
    vi.useFakeTimers();
    try {
      const gate = new SignInGate({ concurrency: 1, maxWaiting: 1, maxWaitMs: 5000 });
      const handled: string[] = [];
      gate.run('api', response(), () => handled.push('first'));
      const waiting = response();
      gate.run('api', waiting, () => handled.push('waiting'));
      const overflow = response();
      gate.run('api', overflow, () => handled.push('overflow'));
      expect(overflow.status).toBe(503);
      expect(overflow.body).toBe(BUSY_TEXT);

      const form = response();
      gate.run('form', form, () => handled.push('form'));
      expect(handled).toEqual(['first', 'form']);

      vi.advanceTimersByTime(5000);
      expect(waiting.status).toBe(503);
      expect(handled).toEqual(['first', 'form']);
      expect(gate.load.waiting).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets a reader who gave up while waiting', () => {
    const gate = new SignInGate({ concurrency: 1, maxWaiting: 5, maxWaitMs: 60_000 });
    const first = response();
    gate.run('api', first, () => {});
    const gone = response();
    const handled: string[] = [];
    gate.run('api', gone, () => handled.push('gone'));
    gate.run('api', response(), () => handled.push('next'));
    gone.finish();
    expect(gate.load.waiting).toBe(1);
    first.finish();
    expect(handled).toEqual(['next']);
  });
});
