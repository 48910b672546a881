import type { Redis } from 'ioredis';
import type { Diagnosis } from '../../core/diagnosis.js';
import { DiagnoseJobData, Subscriber } from './job-payloads.js';

export interface RecentDiagnosis {
  readonly runId: string;
  readonly module: string;
  readonly version: string | null;
  readonly zone: string;
  readonly class: string | null;
  readonly verdict: string | null;
  readonly at: number;
}

export interface RunStore {
  saveRequest(runId: string, request: DiagnoseJobData): Promise<void>;
  /** saveRequest and a first subscriber in one round trip (the ack path counts them). */
  prepareRun(runId: string, request: DiagnoseJobData, subscriber: Subscriber): Promise<void>;
  loadRequest(runId: string): Promise<DiagnoseJobData | null>;
  /** Adds a waiting person, then returns the result when the run already finished (the caller then posts it). */
  addSubscriber(runId: string, subscriber: Subscriber): Promise<Diagnosis | null>;
  /** Saves the result first, then lists who waits: with addSubscriber's order, nobody is missed. */
  finishRun(runId: string, diagnosis: Diagnosis): Promise<readonly Subscriber[]>;
  listSubscribers(runId: string): Promise<readonly Subscriber[]>;
  loadResult(runId: string): Promise<Diagnosis | null>;
  recordRecent(user: string, entry: RecentDiagnosis): Promise<void>;
  listRecent(user: string, count: number): Promise<readonly RecentDiagnosis[]>;
}

/** Run bookkeeping in Redis under `<prefix>:gomod:` with a retention window (no secrets: requests and results only). */
export function createRunStore(deps: { redis: Redis; prefix: string; ttlSeconds: number }): RunStore {
  const { redis, ttlSeconds } = deps;
  const key = (...parts: string[]): string => [deps.prefix, 'gomod', ...parts].join(':');
  const parseSubscribers = (members: string[]): Subscriber[] => members.flatMap((m) => {
    const parsed = Subscriber.safeParse(JSON.parse(m));
    return parsed.success ? [parsed.data] : [];
  });
  const loadResult = async (runId: string): Promise<Diagnosis | null> => {
    const text = await redis.get(key('run', runId, 'result'));
    return text === null ? null : JSON.parse(text) as Diagnosis;
  };
  return {
    async saveRequest(runId, request) {
      await redis.set(key('run', runId, 'request'), JSON.stringify(request), 'EX', ttlSeconds);
    },
    async prepareRun(runId, request, subscriber) {
      const subs = key('run', runId, 'subs');
      await redis.multi().set(key('run', runId, 'request'), JSON.stringify(request), 'EX', ttlSeconds)
        .sadd(subs, JSON.stringify(subscriber)).expire(subs, ttlSeconds).exec();
    },
    async loadRequest(runId) {
      const text = await redis.get(key('run', runId, 'request'));
      if (text === null) return null;
      const parsed = DiagnoseJobData.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    },
    async addSubscriber(runId, subscriber) {
      const subs = key('run', runId, 'subs');
      await redis.multi().sadd(subs, JSON.stringify(subscriber)).expire(subs, ttlSeconds).exec();
      return loadResult(runId);
    },
    async finishRun(runId, diagnosis) {
      await redis.set(key('run', runId, 'result'), JSON.stringify(diagnosis), 'EX', ttlSeconds);
      return parseSubscribers(await redis.smembers(key('run', runId, 'subs')));
    },
    async listSubscribers(runId) {
      return parseSubscribers(await redis.smembers(key('run', runId, 'subs')));
    },
    loadResult,
    async recordRecent(user, entry) {
      const list = key('recent', user);
      await redis.multi().lpush(list, JSON.stringify(entry)).ltrim(list, 0, 19).expire(list, ttlSeconds).exec();
    },
    async listRecent(user, count) {
      const items = await redis.lrange(key('recent', user), 0, count - 1);
      return items.map((item) => JSON.parse(item) as RecentDiagnosis);
    },
  };
}
